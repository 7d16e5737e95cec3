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
}
