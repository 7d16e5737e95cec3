package dev.dkm.deploykeys;

import dev.dkm.remote.UrlRedactor;
import java.time.Instant;

/**
 * What GitLab says about one repository's key, for the table's columns.
 *
 * @param project      the project path as GitLab knows it, or null
 * @param deployKeyId  the matching deploy key's id when enabled
 * @param detail       one line for people (tooltip, details pane)
 */
public record ServerKeyStatus(State state, String project, Long deployKeyId, Boolean canPush, Instant expiresAt, String detail) {
    /** Free text passes the one redactor here, whatever built it (an exception message, git's stderr). */
    public ServerKeyStatus {
        detail = UrlRedactor.redact(detail);
    }

    public enum State {
        /** The repository's key is a deploy key of its project. */
        ENABLED,
        /** The repository names a key that is not a deploy key of its project. */
        NOT_ENABLED,
        /** The repository has no key of its own (token, default key, HTTPS). */
        NO_KEY,
        /** No configured instance (with a token) for the remote's host. */
        NO_INSTANCE,
        /** Not a GitLab remote, or no remote. */
        NOT_GITLAB,
        /** GitLab could not be asked, or said no; {@link #detail()} says why. */
        ERROR;

        /** {@code enabled}, {@code not-enabled}, {@code no-key} …: how scripts see it ({@code dkm scan --gitlab}). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static ServerKeyStatus of(State state, String project, String detail) {
        return new ServerKeyStatus(state, project, null, null, null, detail);
    }
}
