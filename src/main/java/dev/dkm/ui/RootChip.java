package dev.dkm.ui;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One workspace root in the toolbar: its folder name (full path in the tooltip) and a remove button. */
final class RootChip extends HBox {
    RootChip(Path path, Runnable onRemove) {
        this(path.getFileName() == null ? path.toString() : path.getFileName().toString(), Feather.FOLDER, path.toString(),
                path.toString(), onRemove);
    }

    /** An environment of the workspace: an account or a command, with why the last scan could not reach it (or null). */
    static RootChip environment(dev.dkm.environments.EnvironmentSpec spec, String failure, Runnable onRemove) {
        boolean account = spec.kind() == dev.dkm.environments.EnvironmentSpec.Kind.ACCOUNT;
        String tip = (account ? "Local account " : "Command ") + spec.value()
                + (failure == null ? "" : "\nLast scan failed: " + failure);
        RootChip chip = new RootChip(spec.value(), failure != null ? Feather.ALERT_TRIANGLE : account ? Feather.USER : Feather.TERMINAL,
                tip, spec.id(), onRemove);
        if (failure != null) {
            chip.getStyleClass().add(StyleClasses.PROBLEM);
        }
        return chip;
    }

    private RootChip(String text, Feather icon, String tooltip, String what, Runnable onRemove) {
        super(6);
        getStyleClass().add(StyleClasses.ROOT_CHIP);
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(text, new FontIcon(icon));
        name.setMinWidth(56); // a crowded toolbar shortens the name, never to a bare "…"
        name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        name.setTooltip(Badges.tooltip(tooltip));
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.setTooltip(Badges.tooltip("Remove " + what + " from the workspace"));
        remove.setAccessibleText("Remove " + what);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setOnAction(e -> onRemove.run());
        getChildren().addAll(name, remove);
    }
}
