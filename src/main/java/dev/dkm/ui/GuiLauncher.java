package dev.dkm.ui;

import javafx.application.Application;

/** The one place outside JavaFX's own classes that knows how to start the window. */
public final class GuiLauncher {
    private GuiLauncher() {}

    public static void launch(String... args) {
        Application.launch(DkmApplication.class, args);
    }
}
