package dev.dkm.tokens;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How urgent an expiry is; the dashboard colours by band. Revoked credentials are shown apart. */
public enum ExpiryBand {
    EXPIRED("expired", "Expired"),
    WITHIN_7_DAYS("7d", "≤ 7 days"),
    WITHIN_30_DAYS("30d", "≤ 30 days"),
    LATER("later", "Later"),
    NEVER("never", "Never expires"),
    REVOKED("revoked", "Revoked");

    private final String id;
    private final String label;

    ExpiryBand(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /**
     * GitLab tokens expire at midnight UTC at the start of their {@code expires_at} date, so a token whose date
     * is today is already expired.
     */
    public static ExpiryBand of(LocalDate expiresOn, boolean revoked, LocalDate today) {
        if (revoked) {
            return REVOKED;
        }
        if (expiresOn == null) {
            return NEVER;
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days <= 0) {
            return EXPIRED;
        }
        if (days <= 7) {
            return WITHIN_7_DAYS;
        }
        return days <= 30 ? WITHIN_30_DAYS : LATER;
    }
}
