package dev.dkm.tokens;

import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
import java.time.LocalDate;

/**
 * Rotates the app's own API token through {@code POST /personal_access_tokens/self/rotate} and puts the new one
 * where the old one came from.
 *
 * <p>GitLab's {@code PersonalAccessTokens::RotateService} (app/services/personal_access_tokens/rotate_service.rb)
 * revokes the old token and creates the new one in one transaction, and only the answer carries the new value: there
 * is no moment where both work. So the order is: (1) prove the place the token goes to can take it (the sink's
 * {@link TokenSink#check()}: the keyring answers, the file can be written) — otherwise stop, the old token untouched;
 * (2) rotate; (3) store the new value at once, before anything else can fail; (4) check it answers.
 */
public final class ApiTokenRotation {
    /** Where the app keeps its token (the keyring, a 0600 file, or the user's own environment). */
    @FunctionalInterface
    public interface TokenSink {
        void replace(Secret newToken) throws Exception;

        /** Proves {@link #replace} will work, before GitLab revokes anything; throws with the reason if not. */
        default void check() throws Exception {}
    }

    /** The sink cannot take a token now; nothing was rotated, the old token still works. */
    public static final class SinkUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SinkUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * @param stored  false when the sink failed after GitLab had rotated: the caller must save {@code newToken} some
     *                other way (it is the only copy) and report {@code problem}
     * @param problem why storing failed or why the new token does not answer, or null
     */
    public record Result(String name, LocalDate expiresOn, Secret newToken, boolean stored, String problem) {
        public boolean ok() {
            return stored && problem == null;
        }
    }

    private final InstanceConnection instance;

    public ApiTokenRotation(InstanceConnection instance) {
        this.instance = instance;
    }

    /**
     * Throws {@link GitLabException} when GitLab refuses, and {@link SinkUnavailableException} when the token could not
     * be stored; in both cases the old token is untouched.
     */
    public Result rotate(LocalDate expiresOn, TokenSink sink) {
        try {
            sink.check();
        } catch (Exception e) {
            throw new SinkUnavailableException("cannot store a new token (" + String.valueOf(e.getMessage())
                    + "); nothing rotated, the current token still works");
        }
        AccessToken rotated = instance.client().rotatePersonalAccessTokenSelf(expiresOn);
        if (rotated.token() == null) {
            throw new IllegalStateException("GitLab rotated the token but did not return the new one; create a new token by hand");
        }
        try {
            sink.replace(rotated.token());
        } catch (Exception e) {
            return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), false, "could not store it: " + e.getMessage());
        }
        try (GitLabClient check = instance.clientForToken().apply(rotated.token())) {
            check.personalAccessTokenSelf();
        } catch (GitLabException e) {
            return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), true,
                    "the new token does not answer yet: " + e.userMessage(instance.baseUrl()));
        }
        return new Result(rotated.name(), rotated.expiresAt(), rotated.token(), true, null);
    }
}
