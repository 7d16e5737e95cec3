package dev.dkm;

import dev.dkm.cli.DkmCli;
import dev.dkm.ui.GuiLauncher;
import java.util.List;

/**
 * Entry point of {@code dkm.jar}. It deliberately does not extend {@code javafx.application.Application}:
 * that is what lets the fat jar start from the classpath, and what keeps the CLI free of JavaFX start-up.
 * No arguments, {@code gui}, or a first argument that is a window option ({@code --snapshot},
 * {@code --workspace}, {@code --theme}, {@code --select}, {@code --demo}) opens the window; anything else is a CLI subcommand.
 *
 * <p>The system property {@code dkm.mode=cli} (set by the installed {@code dkm} launcher) always runs the
 * CLI, so {@code dkm} with no arguments prints the usage instead of opening a window.
 */
public final class Launcher {
    /** The window's own options (see {@code gui --help}), so the window launcher can take them without "gui". */
    private static final List<String> WINDOW_OPTIONS = List.of("--snapshot", "--workspace", "--theme", "--select", "--demo");

    private Launcher() {}

    public static void main(String[] args) {
        if (!"cli".equals(System.getProperty("dkm.mode")) && opensWindow(args)) {
            String[] rest = args.length > 0 && "gui".equals(args[0])
                    ? java.util.Arrays.copyOfRange(args, 1, args.length)
                    : args;
            System.exit(GuiLauncher.launch(rest));
        }
        System.exit(DkmCli.run(args));
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0
                || "gui".equals(args[0])
                || WINDOW_OPTIONS.stream().anyMatch(args[0]::startsWith);
    }
}
