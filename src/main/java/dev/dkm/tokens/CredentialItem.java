package dev.dkm.tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One credential on the dashboard. Holds no secret: tokens are only ever known by name, id and redacted form.
 *
 * @param id          stable across runs: kind, instance and GitLab id (used as the ICS UID)
 * @param instance    the GitLab base URL
 * @param where       the project or group path, or {@code user} for a personal token, {@code instance} for admin-wide
 * @param redacted    the redacted token when it was seen in a remote (e.g. {@code glpat-…x7Qa}), else null
 * @param dependents  local repositories that use it (paths as shown in the workspace)
 * @param rejected    GitLab refuses the token as expired (it would not say when), so it counts as expired
 * @param place       what {@code where} names: a project, a group, a user, the instance
 */
public record CredentialItem(
        String id,
        CredentialKind kind,
        String name,
        String instance,
        String where,
        List<String> scopes,
        Instant createdAt,
        LocalDate expiresOn,
        Instant lastUsedAt,
        boolean revoked,
        String redacted,
        List<String> dependents,
        boolean rejected,
        Place place) {

    /**
     * The UTC day GitLab last saw the credential used ({@code last_used_at} of access tokens, and of deploy keys on
     * GitLab 18.x), or null when GitLab does not say (deploy tokens, older versions, never used).
     */
    public LocalDate lastUsedDay() {
        return lastUsedAt == null ? null : lastUsedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** What kind of place {@code where} is. */
    public enum Place { PROJECT, GROUP, USER, INSTANCE, UNKNOWN }

    public CredentialItem {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        place = place == null ? Place.UNKNOWN : place;
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
    }

    /** An item GitLab answered for normally. */
    public CredentialItem(String id, CredentialKind kind, String name, String instance, String where, List<String> scopes,
            Instant createdAt, LocalDate expiresOn, Instant lastUsedAt, boolean revoked, String redacted, List<String> dependents) {
        this(id, kind, name, instance, where, scopes, createdAt, expiresOn, lastUsedAt, revoked, redacted, dependents, false, null);
    }

    /** GitLab's id of the token or key: the last part of {@link #id()} ({@code kind:instance:gitlabId}). */
    public String gitlabId() {
        return id.substring(id.lastIndexOf(':') + 1);
    }

    public ExpiryBand band(LocalDate today) {
        if (rejected && !revoked && expiresOn == null) {
            return ExpiryBand.EXPIRED;
        }
        return ExpiryBand.of(expiresOn, revoked, today);
    }

    /**
     * The repositories that use it, in one short cell: their paths when there are a few, else
     * {@code used by 37 repositories (a, b, c, …)} — a credential-store entry for a host serves every repository
     * there. Empty when none.
     */
    public String usedBy() {
        if (dependents.size() <= 3) {
            return String.join(", ", dependents);
        }
        return "used by " + dependents.size() + " repositories (" + String.join(", ", dependents.subList(0, 3)) + ", …)";
    }

    /** Days until expiry (negative once expired), or null when it never expires. */
    public Long daysLeft(LocalDate today) {
        return expiresOn == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, expiresOn);
    }
}
