package dev.dkm.ui;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/** The red count on a tab ("Tokens ③") while something there needs attention; nothing when the count is 0. */
final class AttentionBadge {
    private AttentionBadge() {}

    static void show(Tab tab, ObservableIntegerValue count) {
        Runnable update = () -> {
            int n = count.get();
            if (n <= 0) {
                tab.setGraphic(null);
                tab.setTooltip(null);
                return;
            }
            Label badge = Badges.badge(String.valueOf(n), StyleClasses.BADGE_DANGER);
            badge.setId(tab.getId() + "-attention");
            tab.setGraphic(badge);
            tab.setTooltip(Badges.tooltip(n + (n == 1 ? " credential has" : " credentials have")
                    + " crossed an expiry threshold"));
        };
        count.addListener((obs, old, now) -> update.run());
        update.run();
    }
}
