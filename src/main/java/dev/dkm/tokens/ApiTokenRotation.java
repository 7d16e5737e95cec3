package dev.dkm.tokens;

import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
import java.time.LocalDate;

/**
 * Rotates the app's own API token through {@code POST /personal_access_tokens/self/rotate}, checks the new one
 * answers, and hands it to the place the old one came from. GitLab revokes the old token at once, so there is no
 * way back: if storing fails, the result still carries the new token so the caller can show it once.
 */
public final class ApiTokenRotation {
    /** Where the app keeps its token (the keyring, a 0600 file, or the user's own environment). */
    @FunctionalInterface
    public interface TokenSink {
        void replace(Secret newToken) throws Exception;
    }

    /**
     * @param stored  false when the sink failed: show {@code newToken} to the user once, with {@code problem}
     * @param problem why storing failed, or null
     */
    public record Result(String name, LocalDate expiresOn, Secret newToken, boolean stored, String problem) {}

    private final InstanceConnection instance;

    public ApiTokenRotation(InstanceConnection instance) {
        this.instance = instance;
    }

    /** Throws {@link GitLabException} when GitLab refuses (then the old token is untouched). */
    public Result rotate(LocalDate expiresOn, TokenSink sink) {
        AccessToken rotated = instance.client().rotatePersonalAccessTokenSelf(expiresOn);
        if (rotated.token() == null) {
            throw new IllegalStateException("GitLab rotated the token but did not return the new one; create a new token by hand");
        }
        try (GitLabClient check = instance.clientForToken().apply(rotated.token())) {
            check.personalAccessTokenSelf();
        } catch (GitLabException e) {
            return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), false,
                    "the new token does not answer yet: " + e.userMessage(instance.baseUrl()));
        }
        try {
            sink.replace(rotated.token());
            return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), true, null);
        } catch (Exception e) {
            return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), false, "could not store it: " + e.getMessage());
        }
    }
}
