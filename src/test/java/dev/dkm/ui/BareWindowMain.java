package dev.dkm.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of bench/gui-startup-benchmark.sh: a bare JavaFX window (one label) of the main window's size,
 * started the way the app is (a main class that is not the Application, so it runs from a classpath too),
 * whose first frame {@link FirstFrameProbe} reports. Not a test.
 */
public final class BareWindowMain {
    private BareWindowMain() {}

    public static void main(String[] args) {
        Application.launch(Bare.class, args);
    }

    public static final class Bare extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("bare JavaFX window")), MainWindowView.WIDTH, MainWindowView.HEIGHT);
            stage.setTitle("bare");
            stage.setScene(scene);
            stage.show();
            FirstFrameProbe.install(scene);
        }
    }
}
