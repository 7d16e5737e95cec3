package dev.dkm.instances;

import dev.dkm.gitlab.AccessToken;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What is worth telling the user about a token before they rely on it. */
final class TokenWarnings {
    static final int EXPIRY_WARNING_DAYS = 30;

    private TokenWarnings() {}

    static List<String> about(AccessToken token, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        if (token == null) {
            warnings.add("GitLab did not describe this token (not a personal access token, or GitLab older than 15.5):"
                    + " its scopes and expiry are unknown.");
            return warnings;
        }
        if (!token.hasScope("api")) {
            warnings.add("The token lacks the api scope (it has " + String.join(", ", token.scopes() == null ? List.of() : token.scopes())
                    + "): dkm can read with it but cannot add deploy keys or tokens. Create one with the api scope.");
        }
        if (token.expiresAt() != null) {
            long days = ChronoUnit.DAYS.between(today, token.expiresAt());
            if (days <= EXPIRY_WARNING_DAYS) {
                warnings.add("The token expires on " + token.expiresAt() + " (in " + days + (days == 1 ? " day" : " days")
                        + "): rotate it or create a new one before then.");
            }
        }
        return warnings;
    }

    /**
     * Plain {@code http://} to anything but this machine sends the token (and every API answer) in clear text over the
     * network. Loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}: the sandbox, an SSH tunnel) is fine.
     */
    static List<String> aboutTransport(String baseUrl) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return List.of();
        }
        return List.of("This instance is reached over plain http:// on " + uri.getHost() + ": the token travels"
                + " unencrypted over the network. Use https:// (or an SSH tunnel to localhost).");
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
