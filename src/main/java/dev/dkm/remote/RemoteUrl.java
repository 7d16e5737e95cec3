package dev.dkm.remote;

/**
 * A git remote URL taken apart. Only {@link #secret()} holds a raw credential; {@link #redacted()} and
 * {@link #toString()} are safe to show.
 *
 * @param raw         the URL as written (contains the secret, if any: never show it)
 * @param scheme      {@code ssh}, {@code https}, {@code http}, {@code git}, {@code file}, or null for garbage
 * @param user        the user name (percent-decoded), or null; null too when the user part is itself the token
 * @param secret      the password, or the user part when it alone is a GitLab token; null when none
 * @param host        the host without brackets (IPv6 {@code ::1}), or null for local and garbage URLs
 * @param port        the explicit port, or null
 * @param path        the path as written (still percent-encoded), or null
 * @param projectPath the decoded path without leading/trailing slashes and {@code .git}, or null
 * @param kind        how the URL authenticates
 * @param tokenKind   what kind of credential {@link #secret()} is
 * @param problem     why the URL is {@link RemoteKind#OTHER}, or null
 */
public record RemoteUrl(
        String raw,
        String scheme,
        String user,
        Secret secret,
        String host,
        Integer port,
        String path,
        String projectPath,
        RemoteKind kind,
        TokenKind tokenKind,
        String problem) {

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }

    /** The URL with its secret replaced by {@link Secret#redacted()}: {@code https://oauth2:glpat-…x7Qa@host/g/p.git}. */
    public String redacted() {
        return UrlRedactor.redact(raw);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
