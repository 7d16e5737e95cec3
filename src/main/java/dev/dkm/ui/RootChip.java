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
        super(6);
        getStyleClass().add(StyleClasses.ROOT_CHIP);
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(path.getFileName() == null ? path.toString() : path.getFileName().toString(),
                new FontIcon(Feather.FOLDER));
        name.setTooltip(Badges.tooltip(path.toString()));
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.setTooltip(Badges.tooltip("Remove " + path + " from the workspace"));
        remove.setAccessibleText("Remove " + path);
        remove.setOnAction(e -> onRemove.run());
        getChildren().addAll(name, remove);
    }
}
