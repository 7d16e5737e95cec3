package dev.dkm.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the table shows instead of rows: an icon, a title, a hint and at most one button. */
final class EmptyStateView extends VBox {
    private final FontIcon icon = new FontIcon();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label title = new Label();
    private final Label hint = new Label();
    private final Button action = new Button();
    private final Button secondary = new Button();

    EmptyStateView() {
        super(10);
        setId("emptyState");
        getStyleClass().add(StyleClasses.EMPTY_STATE);
        setAlignment(Pos.CENTER);
        setFillWidth(false);
        title.getStyleClass().add(Styles.TITLE_3);
        hint.getStyleClass().add(StyleClasses.MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        action.getStyleClass().add(Styles.ACCENT);
        action.setId("emptyStateAction");
        secondary.setId("emptyStateSecondary");
        // flat but in the accent colour, with an icon: it must read as something to click, not as a caption
        secondary.getStyleClass().addAll(Styles.FLAT, Styles.ACCENT);
        secondary.setGraphic(new FontIcon(org.kordamp.ikonli.feather.Feather.PLAY_CIRCLE));
        secondary.setFocusTraversable(false);
        busy.setPrefSize(44, 44);
        getChildren().addAll(icon, busy, title, hint, action, secondary);
        showIf(secondary, false);
    }

    /** @param ikon the icon above the title, or null for a spinning progress indicator */
    void show(Ikon ikon, String titleText, String hintText, String actionText, Runnable onAction) {
        if (ikon != null) {
            icon.setIconCode(ikon);
        }
        showIf(icon, ikon != null);
        showIf(busy, ikon == null);
        title.setText(titleText);
        hint.setText(hintText);
        showIf(hint, !hintText.isEmpty());
        boolean hasAction = actionText != null;
        showIf(action, hasAction);
        action.setText(hasAction ? actionText : "");
        action.setOnAction(hasAction ? e -> onAction.run() : null);
        showIf(secondary, false);
    }

    /** Adds a second, quieter action under the first (e.g. "Try the demo"). */
    void withSecondary(String text, Runnable onAction) {
        secondary.setText(text);
        secondary.setOnAction(e -> onAction.run());
        showIf(secondary, true);
    }

    private static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
