package dev.dkm;

import dev.dkm.cli.DkmCli;
import dev.dkm.ui.GuiLauncher;

/**
 * Entry point of {@code dkm.jar}. It deliberately does not extend {@code javafx.application.Application}:
 * that is what lets the fat jar start from the classpath, and what keeps the CLI free of JavaFX start-up.
 * No arguments, or {@code gui}, opens the window; anything else is a CLI subcommand.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || "gui".equals(args[0])) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(GuiLauncher.launch(rest));
        }
        System.exit(DkmCli.run(args));
    }
}
