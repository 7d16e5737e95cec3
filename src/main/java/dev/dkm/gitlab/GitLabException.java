package dev.dkm.gitlab;

import java.util.Optional;

/**
 * A failed GitLab call. {@link #kind()} is what the caller switches on; {@link #userMessage(String)} is the
 * one sentence to show. The message never contains the token: the detail comes from GitLab's error body, and
 * {@link GitLabErrors} scrubs the token out of it anyway.
 */
public final class GitLabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final GitLabErrorKind kind;
    private final int status;
    private final String detail;
    private final Long retryAfterSeconds;

    GitLabException(GitLabErrorKind kind, int status, String detail, Long retryAfterSeconds, Throwable cause) {
        super(kind + (status > 0 ? " (HTTP " + status + ")" : "") + (detail == null ? "" : ": " + detail), cause);
        this.kind = kind;
        this.status = status;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A 401 from an endpoint that answers 401 for a role too low (the project/group access-token routes), once the
     * token itself is known to be valid: the role, not the token, is the problem.
     */
    static GitLabException roleTooLow(GitLabException unauthorized) {
        return new GitLabException(GitLabErrorKind.FORBIDDEN, unauthorized.status,
                unauthorized.detail, unauthorized.retryAfterSeconds, unauthorized);
    }

    /** True for a role that is too low here (the token itself is fine). */
    public boolean roleTooLow() {
        return kind == GitLabErrorKind.FORBIDDEN;
    }

    public GitLabErrorKind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer (network, timeout, TLS). */
    public int status() {
        return status;
    }

    /** GitLab's own words, made readable ({@code deploy_key.fingerprint_sha256 has already been taken}), or null. */
    public String detail() {
        return detail;
    }

    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    /**
     * One sentence for the user about {@code subject} (a project path, a host, "the deploy key"): what GitLab
     * said and what to do about it.
     */
    public String userMessage(String subject) {
        return userMessage(subject, "deploy keys");
    }

    /**
     * As {@link #userMessage(String)}, for a call about {@code what} of the subject ("deploy tokens", "access
     * tokens"): a role too low then says what it does not allow.
     */
    public String userMessage(String subject, String what) {
        String about = subject == null || subject.isBlank() ? "the request" : subject;
        String said = detail == null ? "" : " (" + detail + ")";
        return switch (kind) {
            case UNAUTHORIZED -> "GitLab answered 401 for " + about
                    + ": the token is missing or unknown to this instance; log in again with a valid token.";
            case TOKEN_EXPIRED_OR_REVOKED -> "GitLab rejected the token for " + about
                    + ": it has expired or been revoked; create a new one and log in again.";
            case INSUFFICIENT_SCOPE -> "GitLab answered 403 for " + about + ": the token lacks the "
                    + (detail == null ? "required" : detail) + " scope; create a token with the api scope.";
            case FORBIDDEN -> "Your role on " + about + " does not allow managing its " + what
                    + " (GitLab answered " + status + said + "; it needs Maintainer, or Owner for a group's, or an administrator).";
            case NOT_FOUND -> "GitLab answered 404 for " + about
                    + ": it does not exist, or this token cannot see it" + said + ".";
            case VALIDATION -> "GitLab refused the change for " + about + (detail == null ? "." : ": " + detail + ".");
            case RATE_LIMITED -> "GitLab is rate limiting requests for " + about + "; try again"
                    + (retryAfterSeconds == null ? " later." : " in " + retryAfterSeconds + " seconds.");
            case SERVER_ERROR -> "GitLab had an internal error (HTTP " + status + ") for " + about
                    + "; try again later or ask the instance's administrators.";
            case UNEXPECTED_STATUS -> "GitLab answered HTTP " + status + " for " + about + said
                    + "; this version of GitLab may not support the call.";
            case MALFORMED_RESPONSE -> "The answer for " + about
                    + " was not GitLab's JSON; check that the URL points at a GitLab instance (not a proxy or login page).";
            case TIMEOUT -> "GitLab did not answer in time for " + about + "; check the network or proxy and try again.";
            case TLS -> "The server's certificate for " + about
                    + " is not trusted; add the instance's CA certificate (PEM) in its settings.";
            case NETWORK -> "Could not reach GitLab for " + about + said + "; check the URL, the network and the proxy.";
        };
    }
}
