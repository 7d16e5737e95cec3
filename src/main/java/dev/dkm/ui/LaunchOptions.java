package dev.dkm.ui;

import dev.dkm.settings.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's command-line options: {@code gui [--theme light|dark] [--workspace DIR]... [--snapshot OUT.png]
 * [--select TEXT]}. With {@code --snapshot} the window renders once (after the scan of the given workspace),
 * writes a PNG of the scene and exits. The same options are read from system properties {@code dkm.snapshot},
 * {@code dkm.workspace}, {@code dkm.theme}, {@code dkm.select} when not given as arguments.
 *
 * @param workspaces roots to use for this run only (not remembered); empty means the remembered roots
 * @param select     in snapshot mode, select the first repository whose path contains this text
 */
public record LaunchOptions(Optional<Path> snapshot, List<Path> workspaces, Theme theme, Optional<String> select, boolean demo) {
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: dkm gui [--theme light|dark] [--workspace DIR]... [--demo] [--snapshot OUT.png [--select TEXT]]",
            "  --theme light|dark   the theme to start with (default light)",
            "  --workspace DIR      scan DIR for this run only (repeatable); the remembered folders stay as they are",
            "  --snapshot OUT.png   render the window once (after the scan), write it as PNG and exit",
            "  --select TEXT        with --snapshot: select the first repository whose path contains TEXT",
            "  --demo               start the demo: a local sandbox GitLab and a workspace of sample repositories");

    public LaunchOptions {
        workspaces = List.copyOf(workspaces);
    }

    public boolean isSnapshot() {
        return snapshot.isPresent();
    }

    public static LaunchOptions parse(List<String> args) {
        Path snapshot = property("dkm.snapshot").map(Path::of).orElse(null);
        List<Path> workspaces = new ArrayList<>();
        property("dkm.workspace").map(Path::of).ifPresent(workspaces::add);
        Theme theme = property("dkm.theme").map(Theme::parse).orElse(Theme.LIGHT);
        String select = property("dkm.select").orElse(null);
        boolean workspacesFromArgs = false;
        boolean demo = property("dkm.demo").map(Boolean::parseBoolean).orElse(false);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                demo = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (isOption(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Missing value for " + name);
                }
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("Unknown option '" + arg + "'." + System.lineSeparator() + USAGE);
            }
            switch (name) {
                case "--snapshot" -> snapshot = Path.of(value);
                case "--workspace" -> {
                    if (!workspacesFromArgs) {
                        workspaces.clear();
                        workspacesFromArgs = true;
                    }
                    workspaces.add(Path.of(value));
                }
                case "--theme" -> theme = Theme.parse(value);
                case "--select" -> select = value;
                default -> throw new IllegalArgumentException("Unknown option '" + name + "'");
            }
        }
        return new LaunchOptions(Optional.ofNullable(snapshot), workspaces, theme, Optional.ofNullable(select), demo);
    }

    public static boolean isHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    private static boolean isOption(String name) {
        return List.of("--snapshot", "--workspace", "--theme", "--select").contains(name);
    }

    private static Optional<String> property(String key) {
        return Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank());
    }
}
