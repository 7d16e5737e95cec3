package dev.dkm.ui;

import java.util.List;
import javafx.application.Application;

/** The one place outside JavaFX's own classes that knows how to start the window. */
public final class GuiLauncher {
    private GuiLauncher() {}

    /**
     * Checks the options, opens the window and returns, once it is closed, the exit code: 0, 1 when a snapshot
     * failed or there is no display, 2 for bad options (reported before any toolkit starts).
     */
    public static int launch(String... args) {
        List<String> list = List.of(args);
        if (LaunchOptions.isHelp(list)) {
            System.out.println(LaunchOptions.USAGE);
            return 0;
        }
        try {
            LaunchOptions.parse(list);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            Application.launch(DkmApplication.class, args);
        } catch (UnsupportedOperationException e) {
            System.err.println("No display to open the window on (" + e.getMessage() + "). "
                    + "Run it under xvfb-run for a snapshot, or use the dkm command line.");
            return 1;
        }
        return DkmApplication.exitCode();
    }
}
