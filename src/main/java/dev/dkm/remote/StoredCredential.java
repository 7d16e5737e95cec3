package dev.dkm.remote;

import java.util.Locale;
import java.util.Optional;

/**
 * One line of a {@code git credential-store} file ({@code https://user:token@host[:port][/path]}), read as
 * git-credential-store(1) does: a URL with a user name and a password, both percent-decoded; anything else is
 * skipped by git.
 *
 * @param protocol the scheme, lowercase
 * @param host     the host, with {@code :port} when the line has one (git's credential {@code host} field)
 * @param path     the path without its leading slash, or null when the line has none
 */
public record StoredCredential(String protocol, String user, Secret secret, String host, String path) {
    public TokenKind kind() {
        return TokenClassifier.classify(user, secret);
    }

    /** The line as shown to people: {@code https://oauth2:glpat-…x7Qa@host}. */
    public String redacted() {
        return protocol + "://" + user + ":" + secret.redacted() + "@" + host + (path == null ? "" : "/" + path);
    }

    /** Where it applies, with no secret: {@code https://oauth2@host}. */
    public String scope() {
        return protocol + "://" + user + "@" + host + (path == null ? "" : "/" + path);
    }

    /** The credential on {@code line}, or empty when git would skip the line. */
    public static Optional<StoredCredential> parse(String line) {
        String l = line.strip();
        int sep = l.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String rest = l.substring(sep + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 || slash == rest.length() - 1 ? null : PercentDecoder.decode(rest.substring(slash + 1));
        int at = authority.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        if (colon <= 0 || colon == userInfo.length() - 1) {
            return Optional.empty();
        }
        String host = authority.substring(at + 1);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredCredential(l.substring(0, sep).toLowerCase(Locale.ROOT),
                PercentDecoder.decode(userInfo.substring(0, colon)), Secret.of(PercentDecoder.decode(userInfo.substring(colon + 1))),
                host.toLowerCase(Locale.ROOT), path));
    }

    /**
     * git-credential(1) matching of a stored entry against what git asks for: the same protocol and host, the
     * same path when git asks with one ({@code credential.useHttpPath}), the same user when the URL names one.
     */
    public boolean answers(String wantProtocol, String wantHost, String wantPath, String wantUser) {
        return protocol.equals(wantProtocol) && host.equals(wantHost)
                && (wantPath == null || wantPath.equals(path))
                && (wantUser == null || wantUser.equals(user));
    }

    @Override
    public String toString() {
        return redacted();
    }
}
