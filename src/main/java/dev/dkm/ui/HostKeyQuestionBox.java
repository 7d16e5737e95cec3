package dev.dkm.ui;

import atlantafx.base.theme.Styles;
import dev.dkm.keys.HostKeyStatus;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "First connection to HOST": the fingerprint of a host key never seen, and the box to tick once it is checked. */
final class HostKeyQuestionBox {
    private HostKeyQuestionBox() {}

    static VBox of(HostKeyStatus status, BooleanProperty trusted) {
        VBox box = new VBox(6);
        box.getStyleClass().add(StyleClasses.HOST_KEY_BOX);
        box.setPadding(new Insets(10));
        fill(box, status, trusted);
        return box;
    }

    static void fill(VBox box, HostKeyStatus status, BooleanProperty trusted) {
        Label head = new Label("First connection to " + status.host() + ":" + status.port(), new FontIcon(Feather.SHIELD));
        head.getStyleClass().add(Styles.TEXT_BOLD);
        Label fp = new Label(status.presented().type() + "  " + status.fingerprint());
        fp.getStyleClass().add(StyleClasses.MONOSPACE);
        Label hint = new Label("Compare this fingerprint with the one your GitLab administrator publishes before you trust it.");
        hint.setWrapText(true);
        hint.getStyleClass().add(StyleClasses.MUTED);
        CheckBox trust = new CheckBox("I trust this host key");
        trust.selectedProperty().bindBidirectional(trusted);
        box.getChildren().setAll(head, fp, hint, trust);
    }
}
