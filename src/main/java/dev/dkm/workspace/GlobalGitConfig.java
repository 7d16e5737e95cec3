package dev.dkm.workspace;

import dev.dkm.remote.InsteadOfRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's global git config, read once per scan and used only for its {@code insteadOf} rules. Where git
 * looks: {@code $GIT_CONFIG_GLOBAL} alone if set, else {@code $XDG_CONFIG_HOME/git/config} (default
 * {@code ~/.config/git/config}) and then {@code ~/.gitconfig}.
 */
public final class GlobalGitConfig {
    private final List<Path> files;

    /** @param files the global config files to read, in git's order; missing ones are skipped */
    public GlobalGitConfig(List<Path> files) {
        this.files = List.copyOf(files);
    }

    public static GlobalGitConfig none() {
        return new GlobalGitConfig(List.of());
    }

    /** The files git itself would read for this user ({@code home} is where {@code ~} points). */
    public static GlobalGitConfig forUser(Path home) {
        String override = System.getenv("GIT_CONFIG_GLOBAL");
        if (override != null && !override.isEmpty()) {
            return new GlobalGitConfig(List.of(Path.of(override)));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path xdgConfig = (xdg == null || xdg.isEmpty() ? home.resolve(".config") : Path.of(xdg)).resolve("git/config");
        return new GlobalGitConfig(List.of(xdgConfig, home.resolve(".gitconfig")));
    }

    public List<Path> files() {
        return files;
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
