package dev.dkm.tokens;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Counts per band and the "expires within N days" filter, shared by the dashboard and {@code dkm tokens}. */
public final class CredentialSummary {
    private CredentialSummary() {}

    /** Every band, in the enum's order, with its count (zero included). */
    public static Map<ExpiryBand, Long> countByBand(List<CredentialItem> items, LocalDate today) {
        Map<ExpiryBand, Long> counts = new EnumMap<>(ExpiryBand.class);
        for (ExpiryBand b : ExpiryBand.values()) {
            counts.put(b, 0L);
        }
        items.forEach(i -> counts.merge(i.band(today), 1L, Long::sum));
        return counts;
    }

    /** {@code 2 expired · 3 ≤ 7 days · …}, zero bands left out. */
    public static String line(List<CredentialItem> items, LocalDate today) {
        StringJoiner line = new StringJoiner(" · ");
        countByBand(items, today).forEach((band, n) -> {
            if (n > 0) {
                line.add(n + " " + band.label().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return items.size() + " credentials" + (items.isEmpty() ? "" : ": " + line);
    }

    /** Items that expire within {@code days} days, expired ones included; never-expiring and revoked ones left out. */
    public static List<CredentialItem> expiringWithin(List<CredentialItem> items, int days, LocalDate today) {
        return items.stream().filter(i -> {
            ExpiryBand band = i.band(today);
            if (band == ExpiryBand.EXPIRED) {
                return true;
            }
            Long left = i.daysLeft(today);
            return band != ExpiryBand.REVOKED && left != null && left <= days;
        }).toList();
    }
}
