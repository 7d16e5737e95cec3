package dev.dkm.gitlab;

/** What went wrong talking to GitLab, in the terms a user can act on. */
public enum GitLabErrorKind {
    /** 401: no token, or GitLab does not know it. */
    UNAUTHORIZED,
    /** 401 {@code invalid_token}: the token expired or was revoked. */
    TOKEN_EXPIRED_OR_REVOKED,
    /** 403 {@code insufficient_scope}: the token lacks a scope (usually {@code api}). */
    INSUFFICIENT_SCOPE,
    /** 403 otherwise: the role does not allow it (e.g. group Owner needed, admin-only endpoint). */
    FORBIDDEN,
    /** 404: does not exist, or the caller lacks the role to see it (GitLab hides both behind 404). */
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
