package dev.dkm.credentials;

import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;
import java.util.Optional;
import java.util.function.Function;

/**
 * The token to use for an instance, glab's way: {@code GITLAB_TOKEN} overrides the stored token for the
 * instance named by {@code GITLAB_HOST} (GitLab.com when unset); everything else comes from the TokenStore.
 */
public final class CredentialResolver {
    public static final String DEFAULT_HOST = "https://gitlab.com";

    private final TokenStore store;
    private final Function<String, String> env;

    public CredentialResolver(TokenStore store, Function<String, String> env) {
        this.store = store;
        this.env = env;
    }

    /** A token and where it came from, for "token: glpat-…x7Qa (from GITLAB_TOKEN)". */
    public record ResolvedToken(Secret token, String source) {}

    public Optional<ResolvedToken> tokenFor(String instanceUrl) {
        String url = InstanceSettings.normalizeUrl(instanceUrl);
        String envToken = value("GITLAB_TOKEN");
        if (envToken != null && url.equals(defaultHost())) {
            return Optional.of(new ResolvedToken(Secret.of(envToken), "environment variable GITLAB_TOKEN"));
        }
        return store.read(url).map(t -> new ResolvedToken(t, store.storageDescription()));
    }

    /** {@code GITLAB_HOST} normalized, or GitLab.com. */
    public String defaultHost() {
        return environmentHost().orElse(DEFAULT_HOST);
    }

    /** {@code GITLAB_HOST} normalized, when it is set. */
    public Optional<String> environmentHost() {
        String host = value("GITLAB_HOST");
        return host == null ? Optional.empty() : Optional.of(InstanceSettings.normalizeUrl(host));
    }

    /** True when {@code GITLAB_TOKEN} is set (for the instance {@link #defaultHost()} names). */
    public boolean hasEnvironmentToken() {
        return value("GITLAB_TOKEN") != null;
    }

    public TokenStore store() {
        return store;
    }

    private String value(String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
