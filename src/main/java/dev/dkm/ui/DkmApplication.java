package dev.dkm.ui;

import atlantafx.base.theme.PrimerLight;
import dev.dkm.AppVersion;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class DkmApplication extends Application {
    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle("Deploy Key Manager " + AppVersion.version());
        stage.setScene(new Scene(new StackPane(new Label("Deploy Key Manager")), 1200, 760));
        stage.show();
    }
}
