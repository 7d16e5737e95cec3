package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient.Scope;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What to create: a deploy token on a project or group. Defaults follow the wizard: {@code read_registry}, one year.
 *
 * @param expiresOn null = never expires (allowed, with a warning)
 * @param username  null = GitLab's default {@code gitlab+deploy-token-N}
 */
public record DeployTokenRequest(Scope scope, String path, String name, List<String> scopes, LocalDate expiresOn, String username) {
    /** Every scope GitLab accepts for a deploy token (reference §2). */
    public static final List<String> ALL_SCOPES = List.of("read_repository", "read_registry", "write_registry",
            "read_package_registry", "write_package_registry", "read_virtual_registry", "write_virtual_registry");
    public static final List<String> DEFAULT_SCOPES = List.of("read_registry");
    private static final Set<String> REGISTRY_SCOPES = Set.of("read_registry", "write_registry");

    public DeployTokenRequest {
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        username = username == null || username.isBlank() ? null : username.strip();
    }

    public static LocalDate defaultExpiry(LocalDate today) {
        return today.plusYears(1);
    }

    /** Why GitLab would refuse it, or null: checked before anything is sent. */
    public String problem(LocalDate today) {
        if (path == null || path.isBlank()) {
            return "say which project or group";
        }
        if (name == null || name.isBlank()) {
            return "a deploy token needs a name";
        }
        List<String> unknown = scopes.stream().filter(s -> !ALL_SCOPES.contains(s)).toList();
        if (!unknown.isEmpty()) {
            return "unknown scope(s) " + unknown + "; valid: " + String.join(", ", ALL_SCOPES);
        }
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            return "the expiry date must be in the future (GitLab tokens expire at midnight UTC of that day)";
        }
        if (username != null && !username.matches("[a-zA-Z0-9.+_-]+")) {
            return "a username may only contain letters, digits and . + _ -";
        }
        return null;
    }

    public boolean canPullImages() {
        return canPullImages(scopes);
    }

    /** Whether these scopes let a token log in to the container registry. */
    public static boolean canPullImages(List<String> scopes) {
        return scopes.stream().anyMatch(REGISTRY_SCOPES::contains);
    }
}
