package dev.dkm.gitlab;

/** What went wrong talking to GitLab, in the terms a user can act on. */
public enum GitLabErrorKind {
    /**
     * 401: no token, or GitLab does not know it. (A 401 from the project/group access-token routes to a token that
     * is otherwise valid means the role is too low: {@link GitLabClient} reports that as {@link #FORBIDDEN}.)
     */
    UNAUTHORIZED,
    /** 401 {@code invalid_token}: the token expired or was revoked. */
    TOKEN_EXPIRED_OR_REVOKED,
    /** 403 {@code insufficient_scope}: the token lacks a scope (usually {@code api}). */
    INSUFFICIENT_SCOPE,
    /**
     * The caller's role does not allow it: 403 {@code {"message":"403 Forbidden"}} on a project or group the caller can
     * see (lib/api/helpers.rb {@code authorize!} → {@code forbidden!}), or a 401 from the access-token routes for a
     * valid token ({@code unauthorized!} in lib/api/resource_access_tokens.rb). Admin-only endpoints too.
     */
    FORBIDDEN,
    /** 404: does not exist, or the caller cannot see it at all ({@code find_project!}); a visible one answers 403. */
    NOT_FOUND,
    /** 400/409/422: GitLab rejected the request; {@link GitLabException#detail()} says why. */
    VALIDATION,
    /** 429 and the wait was longer than we are willing to sleep, or retries ran out. */
    RATE_LIMITED,
    /** 5xx after retries. */
    SERVER_ERROR,
    /** Any other unexpected status (3xx we do not follow, 405 …). */
    UNEXPECTED_STATUS,
    /** The answer was not the JSON we expected. */
    MALFORMED_RESPONSE,
    /** Connect or read timed out. */
    TIMEOUT,
    /** The server's certificate is not trusted (or TLS failed otherwise). */
    TLS,
    /** Connection refused, unknown host, reset … */
    NETWORK
}
