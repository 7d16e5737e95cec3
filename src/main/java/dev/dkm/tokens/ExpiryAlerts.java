package dev.dkm.tokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which credentials have crossed an expiry threshold (the settings' 60/30/7/1 days), for the start-up notification
 * and the window's badge. Each item counts once, at the tightest threshold it has crossed; expired ones (and tokens
 * GitLab refuses) come first. Revoked and never-expiring ones never alert.
 */
public final class ExpiryAlerts {
    /** @param threshold the tightest threshold crossed, in days; 0 for an expired credential */
    public record Alert(CredentialItem item, int threshold) {
        public String message(LocalDate today) {
            Long days = item.daysLeft(today);
            String when = item.band(today) == ExpiryBand.EXPIRED ? "has expired"
                    : "expires in " + days + (days == 1 ? " day" : " days") + " (" + item.expiresOn() + ")";
            return item.kind().label() + " \"" + item.name() + "\" (" + item.where() + ") " + when;
        }
    }

    private ExpiryAlerts() {}

    public static List<Alert> due(List<CredentialItem> items, List<Integer> thresholdDays, LocalDate today) {
        List<Alert> alerts = new ArrayList<>();
        for (CredentialItem item : items) {
            ExpiryBand band = item.band(today);
            if (band == ExpiryBand.EXPIRED) {
                alerts.add(new Alert(item, 0));
            } else if (band != ExpiryBand.REVOKED && band != ExpiryBand.NEVER) {
                long left = item.daysLeft(today);
                thresholdDays.stream().filter(t -> left <= t).min(Integer::compare)
                        .ifPresent(t -> alerts.add(new Alert(item, t)));
            }
        }
        alerts.sort(Comparator.comparingInt(Alert::threshold));
        return alerts;
    }
}
