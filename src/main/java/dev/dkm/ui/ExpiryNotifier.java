package dev.dkm.ui;

import dev.dkm.tokens.ExpiryAlerts;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The start-up desktop notification when credentials have crossed an expiry threshold: one notification that
 * names the first few. The main window calls it after the first collection (and shows the count as a badge).
 */
public final class ExpiryNotifier {
    private static final int NAMED = 3;

    private ExpiryNotifier() {}

    /** Shows nothing when nothing is due. Call on the FX thread with a showing window. */
    public static void notify(List<ExpiryAlerts.Alert> alerts, LocalDate today) {
        if (alerts.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        alerts.stream().limit(NAMED).forEach(a -> text.append(a.message(today)).append('\n'));
        if (alerts.size() > NAMED) {
            text.append("and ").append(alerts.size() - NAMED).append(" more: see Tokens.");
        }
        Notifications.create()
                .title(alerts.size() + (alerts.size() == 1 ? " credential needs" : " credentials need") + " attention")
                .text(text.toString().strip())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(12))
                .showWarning();
    }
}
