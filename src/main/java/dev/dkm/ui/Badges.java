package dev.dkm.ui;

import dev.dkm.remote.RemoteKind;
import dev.dkm.workspace.RepoStatus;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Small coloured labels for remote kinds and statuses. */
public final class Badges {
    private Badges() {}

    public static Label remoteKind(RemoteKind kind) {
        return badge(RepoTexts.remoteKind(kind), StyleClasses.badge(kind));
    }

    public static Label status(RepoStatus status, String reason) {
        Label badge = badge(RepoTexts.status(status), StyleClasses.badge(status));
        if (reason != null && !reason.isBlank()) {
            badge.setTooltip(tooltip(reason));
        }
        return badge;
    }

    public static Label badge(String text, String colourClass) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll(StyleClasses.BADGE, colourClass);
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    /**
     * Sets a control's tooltip text, or takes it away for null, keeping the one {@code Tooltip} it had: a tooltip
     * is a popup window with its own scene, and a table whose cells made a new one per row they showed spent a
     * third of a redraw on them.
     */
    public static void tooltip(Control control, String text) {
        if (text == null) {
            control.setTooltip(null);
            return;
        }
        Tooltip tooltip = (Tooltip) control.getProperties().get(Badges.class);
        if (tooltip == null) {
            tooltip = tooltip(text);
            control.getProperties().put(Badges.class, tooltip);
        } else {
            tooltip.setText(text);
        }
        control.setTooltip(tooltip);
    }

    public static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        return tooltip;
    }
}
