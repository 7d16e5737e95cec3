package dev.dkm.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The credential in an HTTP header line as written in {@code http.extraHeader}: {@code PRIVATE-TOKEN: glpat-…},
 * {@code JOB-TOKEN: …}, {@code Authorization: Bearer …}, or {@code Authorization: Basic base64(user:token)}.
 *
 * @param name   the header name as written
 * @param user   the user of a Basic header, else null
 * @param secret the token
 */
public record AuthHeader(String name, String user, Secret secret) {
    public TokenKind kind() {
        return TokenClassifier.classify(user, secret);
    }

    /** The credential in {@code line}, or empty for a header that carries none (or one we cannot read). */
    public static Optional<AuthHeader> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String name = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "private-token", "job-token", "deploy-token":
                return Optional.of(new AuthHeader(name, null, Secret.of(value)));
            case "authorization":
                return authorization(name, value);
            default:
                return Optional.empty();
        }
    }

    private static Optional<AuthHeader> authorization(String name, String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = value.substring(space + 1).strip();
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        if (scheme.equals("bearer")) {
            return Optional.of(new AuthHeader(name, null, Secret.of(credentials)));
        }
        if (scheme.equals("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new AuthHeader(name, null, Secret.of(credentials))); // still a credential, unread
            }
            int c = decoded.indexOf(':');
            return c < 0 ? Optional.of(new AuthHeader(name, null, Secret.of(decoded)))
                    : Optional.of(new AuthHeader(name, decoded.substring(0, c), Secret.of(decoded.substring(c + 1))));
        }
        return Optional.empty();
    }
}
