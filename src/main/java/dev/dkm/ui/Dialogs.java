package dev.dkm.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the app's dialogs share: a window-modal stage with the app's stylesheet, and their explanatory text. */
final class Dialogs {
    private Dialogs() {}

    /** A window-modal stage over {@code owner} showing {@code root} at the given size, with dkm.css; not shown yet. */
    static Stage modal(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Dialogs.class.getResource(StyleClasses.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        return stage;
    }

    /** Muted text that wraps instead of being cut. */
    static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.getStyleClass().add(StyleClasses.MUTED);
        return label;
    }
}
