package dev.dkm.ui;

import javafx.application.Application;

/** The one place outside JavaFX's own classes that knows how to start the window. */
public final class GuiLauncher {
    private GuiLauncher() {}

    /** Opens the window and returns, once it is closed, the exit code (non-zero when a snapshot failed). */
    public static int launch(String... args) {
        Application.launch(DkmApplication.class, args);
        return DkmApplication.exitCode();
    }
}
