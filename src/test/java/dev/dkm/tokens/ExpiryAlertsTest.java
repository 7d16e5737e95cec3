package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryAlertsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static CredentialItem item(String name, LocalDate expires, boolean revoked) {
        return new CredentialItem("deploy-token:h:" + name, CredentialKind.DEPLOY_TOKEN, name, "https://h", "g/p",
                List.of(), null, expires, null, revoked, null, List.of());
    }

    @Test
    void each_item_alerts_once_at_its_tightest_threshold_expired_first() {
        List<CredentialItem> items = List.of(
                item("in-45", TODAY.plusDays(45), false), item("in-1", TODAY.plusDays(1), false),
                item("in-90", TODAY.plusDays(90), false), item("gone", TODAY.minusDays(3), false),
                item("never", null, false), item("revoked", TODAY.plusDays(2), true), item("in-7", TODAY.plusDays(7), false));

        List<ExpiryAlerts.Alert> alerts = ExpiryAlerts.due(items, List.of(60, 30, 7, 1), TODAY);

        assertThat(alerts).extracting(a -> a.item().name() + "@" + a.threshold())
                .containsExactly("gone@0", "in-1@1", "in-7@7", "in-45@60");
        assertThat(alerts.get(0).message(TODAY)).isEqualTo("Deploy token \"gone\" (g/p) has expired");
        assertThat(alerts.get(1).message(TODAY)).isEqualTo("Deploy token \"in-1\" (g/p) expires in 1 day (2026-11-23)");
    }
}
