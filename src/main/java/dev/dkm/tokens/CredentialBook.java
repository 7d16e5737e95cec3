package dev.dkm.tokens;

import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.DeployToken;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials of one instance as they come in from many threads, one entry per GitLab object: a token seen
 * twice (a project's list and the admin list; a token in a URL that is also a project access token) is one
 * entry whose dependents are merged.
 */
final class CredentialBook {
    /** One credential being assembled. */
    static final class Entry {
        CredentialKind kind;
        String gitlabId;
        String name;
        String where;
        CredentialItem.Place place;
        String username;
        List<String> scopes = List.of();
        Instant createdAt;
        LocalDate expiresOn;
        Instant lastUsedAt;
        boolean revoked;
        boolean rejected;
        String redacted;
        final Set<String> dependents = new LinkedHashSet<>();
    }

    private final String instance;
    private final String instanceId;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    CredentialBook(String instance, String instanceId) {
        this.instance = instance;
        this.instanceId = instanceId;
    }

    /** Adds a deploy token unless the same one (by id) is in already; {@code where} is its project, group or "instance". */
    synchronized void deployToken(DeployToken t, String where, CredentialItem.Place place) {
        if (t.id() == null || entries.containsKey("deploy-token:" + t.id())) {
            return;
        }
        Entry e = new Entry();
        e.kind = CredentialKind.DEPLOY_TOKEN;
        e.gitlabId = String.valueOf(t.id());
        e.name = t.name();
        e.where = where;
        e.place = place;
        e.username = t.username();
        e.scopes = t.scopes() == null ? List.of() : t.scopes();
        e.expiresOn = dateOf(t.expiresAt());
        e.revoked = Boolean.TRUE.equals(t.revoked());
        entries.put("deploy-token:" + t.id(), e);
    }

    synchronized boolean hasDeployToken(long id) {
        return entries.containsKey("deploy-token:" + id);
    }

    /**
     * Adds or completes an access token. Access tokens share one id space, so a project or group access token
     * that was first seen as "some personal token in a URL" takes the more precise kind and place.
     */
    synchronized Entry accessToken(AccessToken t, CredentialKind kind, String where, CredentialItem.Place place) {
        String key = "access:" + t.id();
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry();
            entries.put(key, e);
        } else if (e.kind != CredentialKind.PERSONAL_ACCESS_TOKEN || kind == CredentialKind.PERSONAL_ACCESS_TOKEN) {
            return e; // already known as precisely
        }
        e.kind = kind;
        e.gitlabId = String.valueOf(t.id());
        e.name = t.name();
        e.where = where;
        e.place = place;
        e.scopes = t.scopes() == null ? List.of() : t.scopes();
        e.createdAt = t.createdAt();
        e.expiresOn = t.expiresAt();
        e.lastUsedAt = t.lastUsedAt();
        e.revoked = Boolean.TRUE.equals(t.revoked());
        return e;
    }

    /** A token from a remote that GitLab refuses: expired (date unknown) or revoked. */
    synchronized Entry rejectedToken(String redacted, boolean revoked) {
        Entry e = entries.computeIfAbsent("rejected:" + redacted, k -> new Entry());
        e.kind = CredentialKind.PERSONAL_ACCESS_TOKEN;
        e.gitlabId = "url-" + redacted;
        e.name = "token in a remote URL";
        e.where = "unknown";
        e.place = CredentialItem.Place.UNKNOWN;
        e.revoked = revoked;
        e.rejected = !revoked;
        e.redacted = redacted;
        return e;
    }

    synchronized void deployKey(DeployKey k, String project, Collection<String> dependents) {
        Entry e = entries.get("deploy-key:" + k.id());
        if (e == null) {
            e = new Entry();
            e.kind = CredentialKind.DEPLOY_KEY;
            e.gitlabId = String.valueOf(k.id());
            e.name = k.title();
            e.where = project;
            e.place = CredentialItem.Place.PROJECT;
            e.scopes = List.of(Boolean.TRUE.equals(k.canPush()) ? "read_write" : "read_only");
            e.createdAt = k.createdAt();
            e.expiresOn = dateOf(k.expiresAt());
            e.lastUsedAt = k.lastUsedAt();
            entries.put("deploy-key:" + k.id(), e);
        } else if (!List.of(e.where.split(", ")).contains(project)) {
            e.where = e.where + ", " + project;
        }
        e.dependents.addAll(dependents);
    }

    /** The deploy token with this user name whose place is one of {@code wheres} (a project and its parent groups). */
    synchronized Optional<Entry> deployTokenByUsername(String username, Set<String> wheres) {
        return entries.values().stream()
                .filter(e -> e.kind == CredentialKind.DEPLOY_TOKEN && username.equals(e.username) && wheres.contains(e.where))
                .findFirst();
    }

    synchronized void addDependents(Entry e, Collection<String> dependents) {
        e.dependents.addAll(dependents);
    }

    synchronized void redacted(Entry e, String redacted) {
        e.redacted = redacted;
    }

    synchronized List<CredentialItem> items() {
        List<CredentialItem> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            out.add(new CredentialItem(e.kind.id() + ":" + instanceId + ":" + e.gitlabId, e.kind, e.name, instance, e.where,
                    e.scopes, e.createdAt, e.expiresOn, e.lastUsedAt, e.revoked, e.redacted, List.copyOf(e.dependents), e.rejected, e.place));
        }
        return out;
    }

    /** GitLab's timestamps for deploy tokens and keys; the dashboard counts in days (UTC). */
    static LocalDate dateOf(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
