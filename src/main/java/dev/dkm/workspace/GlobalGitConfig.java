package dev.dkm.workspace;

import dev.dkm.remote.InsteadOfRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where git reads a user's configuration outside the repository: the system file ({@code $GIT_CONFIG_SYSTEM}, else
 * {@code /etc/gitconfig}; none with {@code GIT_CONFIG_NOSYSTEM}), the global files ({@code $GIT_CONFIG_GLOBAL}
 * alone if set, else {@code $XDG_CONFIG_HOME/git/config} (default {@code ~/.config/git/config}) and then
 * {@code ~/.gitconfig}), and the home and XDG folders that place {@code git credential-store}'s default files
 * ({@code ~/.git-credentials}, {@code $XDG_CONFIG_HOME/git/credentials}).
 */
public final class GlobalGitConfig {
    private final List<Path> files;
    private final Path systemFile;
    private final Path home;
    private final Path xdgConfigHome;

    /** @param files the global config files to read, in git's order; missing ones are skipped */
    public GlobalGitConfig(List<Path> files) {
        this(files, null, null, null);
    }

    /**
     * @param systemFile    the system config, or null for none
     * @param home          what {@code ~} means (include paths, credential stores), or null to take the scanner's
     * @param xdgConfigHome {@code $XDG_CONFIG_HOME}, or null for {@code home/.config}
     */
    public GlobalGitConfig(List<Path> files, Path systemFile, Path home, Path xdgConfigHome) {
        this.files = List.copyOf(files);
        this.systemFile = systemFile;
        this.home = home;
        this.xdgConfigHome = xdgConfigHome;
    }

    public static GlobalGitConfig none() {
        return new GlobalGitConfig(List.of());
    }

    /** The files git itself would read for this user ({@code home} is where {@code ~} points). */
    public static GlobalGitConfig forUser(Path home) {
        return forUser(home, System::getenv);
    }

    /** As {@link #forUser(Path)}, with the environment given (the CLI's, a test's). */
    public static GlobalGitConfig forUser(Path home, java.util.function.Function<String, String> env) {
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path xdgHome = xdg == null || xdg.isEmpty() ? home.resolve(".config") : Path.of(xdg);
        Path system = null;
        if (!truthy(env.apply("GIT_CONFIG_NOSYSTEM"))) {
            String s = env.apply("GIT_CONFIG_SYSTEM");
            system = s == null || s.isEmpty() ? Path.of("/etc/gitconfig") : Path.of(s);
        }
        String override = env.apply("GIT_CONFIG_GLOBAL");
        List<Path> globals = override != null && !override.isEmpty() ? List.of(Path.of(override))
                : List.of(xdgHome.resolve("git/config"), home.resolve(".gitconfig"));
        return new GlobalGitConfig(globals, system, home, xdgHome);
    }

    private static boolean truthy(String v) {
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false") && !v.equalsIgnoreCase("no");
    }

    /** This config with {@code home} filled in when it was not given. */
    GlobalGitConfig withDefaultHome(Path defaultHome) {
        return home != null ? this : new GlobalGitConfig(files, systemFile, defaultHome, xdgConfigHome);
    }

    public List<Path> files() {
        return files;
    }

    public Path systemFile() {
        return systemFile;
    }

    public Path home() {
        return home;
    }

    public Path xdgConfigHome() {
        return xdgConfigHome != null ? xdgConfigHome : home == null ? null : home.resolve(".config");
    }

    /** The files {@code git credential-store} reads without {@code --file}, in its order. */
    public List<Path> defaultCredentialStores() {
        if (home == null) {
            return List.of();
        }
        return List.of(home.resolve(".git-credentials"), xdgConfigHome().resolve("git/credentials"));
    }

    /** The rules of every readable file; an unreadable or broken global config gives no rules, not a failed scan. */
    List<InsteadOfRule> insteadOfRules() {
        List<InsteadOfRule> rules = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                rules.addAll(GitConfigs.insteadOfRules(GitConfigs.read(file)));
            } catch (Exception e) {
                // a broken ~/.gitconfig breaks git too; the repositories are still worth describing
            }
        }
        return rules;
    }
}
