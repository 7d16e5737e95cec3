package dev.dkm.workspace;

import dev.dkm.files.BoundedReader;
import dev.dkm.remote.StoredCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * The config files git reads for one repository, in git's order: system, global, the repository's {@code config},
 * its {@code config.worktree} when {@code extensions.worktreeConfig} is on — each followed by the files it includes
 * ({@code include.path}; {@code includeIf} with {@code gitdir:}, {@code gitdir/i:}, {@code onbranch:},
 * {@code hasconfig:remote.*.url:}), recursively (git stops at depth 10).
 *
 * <p>JGit's {@code FileBasedConfig} follows {@code include.path} only, and merges the included values into the
 * including file, which hides where a token lives; so every file is parsed on its own here and includes are
 * resolved by git's rules (git-config(1) "Includes", "Conditional includes"). One approximation: an included file
 * is placed after the whole including file, where git reads it at the line of the include — the order matters only
 * for an empty value resetting a list ({@code credential.helper =}) across the two files.
 *
 * <p>Files outside the repository (system, global, their includes) are parsed once per scan.
 */
final class ConfigStack {
    static final int MAX_INCLUDE_DEPTH = 10;

    private final GlobalGitConfig global;
    private final Map<Path, Object> parsed = new ConcurrentHashMap<>();
    private final Map<Path, List<StoredCredential>> stores = new ConcurrentHashMap<>();
    private final java.util.Set<String> scanNotes = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    ConfigStack(GlobalGitConfig global) {
        this.global = global;
    }

    GlobalGitConfig global() {
        return global;
    }

    /** Notes about shared files (a malformed credential-store line …), each said once per scan. */
    List<String> scanNotes() {
        synchronized (scanNotes) {
            return List.copyOf(scanNotes);
        }
    }

    /**
     * The credentials in a {@code git credential-store} file, read once per scan; a missing file has none. A line git
     * would skip is a note naming the file and line number (never the line: it may hold a token).
     */
    List<StoredCredential> store(Path file) {
        return stores.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            List<StoredCredential> out = new ArrayList<>();
            if (!Files.exists(f)) {
                return out;
            }
            if (!Files.isRegularFile(f)) {
                scanNotes.add("cannot read credential store " + f + ": not a regular file");
                return out;
            }
            try {
                // Bounded like every file the scan reads: a huge or endless file is a note, never a hang.
                List<String> lines = BoundedReader.readText(f).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    java.util.Optional<StoredCredential> c = StoredCredential.parse(lines.get(i));
                    if (c.isPresent()) {
                        out.add(c.get());
                    } else {
                        scanNotes.add("credential store " + f + " line " + (i + 1)
                                + " is not a URL with a user and a password; git skips it");
                    }
                }
            } catch (IOException e) {
                scanNotes.add("cannot read credential store " + f + ": " + IoReasons.of(e));
            }
            return out;
        });
    }

    /** What a conditional include is evaluated against. */
    private record Context(Path gitDir, String branch, List<String> remoteUrls) {}

    /**
     * @param repoConfigFile the repository's {@code config} (in the common dir)
     * @param repoConfig     its parsed content
     * @param gitDir         the repository's own git dir (a linked worktree's is {@code …/worktrees/NAME})
     * @param notes          receives one line per include that could not be read
     */
    List<ConfigLayer> layers(Path repoConfigFile, Config repoConfig, Path gitDir, String branch, List<String> notes) {
        // hasconfig:remote.*.url: is decided on the remote URLs of the config read without such includes (git does
        // the same: those files may not define remote URLs themselves).
        List<ConfigLayer> first = build(repoConfigFile, repoConfig, gitDir, new Context(gitDir, branch, null), new ArrayList<>());
        List<String> urls = new ArrayList<>();
        for (ConfigLayer l : first) {
            for (String remote : l.config().getSubsections("remote")) {
                urls.addAll(List.of(l.config().getStringList("remote", remote, "url")));
            }
        }
        return build(repoConfigFile, repoConfig, gitDir, new Context(gitDir, branch, urls), notes);
    }

    private List<ConfigLayer> build(Path repoConfigFile, Config repoConfig, Path gitDir, Context ctx, List<String> notes) {
        List<ConfigLayer> layers = new ArrayList<>();
        if (global.systemFile() != null) {
            addShared(layers, global.systemFile(), ConfigLayer.Scope.SYSTEM, null, ctx, 0, notes);
        }
        for (Path file : global.files()) {
            addShared(layers, file, ConfigLayer.Scope.GLOBAL, null, ctx, 0, notes);
        }
        add(layers, new ConfigLayer(repoConfigFile, repoConfig, ConfigLayer.Scope.LOCAL, null), ctx, 0, notes);
        if (worktreeConfigOn(layers)) {
            Path worktreeFile = gitDir.resolve("config.worktree");
            try {
                Config worktree = GitConfigs.read(worktreeFile);
                add(layers, new ConfigLayer(worktreeFile, worktree, ConfigLayer.Scope.WORKTREE, null), ctx, 0, notes);
            } catch (NoSuchFileException e) {
                // worktreeConfig on, nothing written for this worktree yet
            } catch (IOException | ConfigInvalidException e) {
                notes.add("cannot read " + worktreeFile + ": " + IoReasons.oneLine(String.valueOf(e.getMessage())));
            }
        }
        return layers;
    }

    private static boolean worktreeConfigOn(List<ConfigLayer> layers) {
        boolean on = false;
        for (ConfigLayer l : layers) {
            String v = l.config().getString("extensions", null, "worktreeConfig");
            if (v != null) {
                on = l.config().getBoolean("extensions", null, "worktreeConfig", false);
            }
        }
        return on;
    }

    private void addShared(List<ConfigLayer> layers, Path file, ConfigLayer.Scope scope, Path includedFrom, Context ctx,
            int depth, List<String> notes) {
        Object p = parsed.computeIfAbsent(file.toAbsolutePath().normalize(), ConfigStack::parse);
        if (p instanceof Config config) {
            add(layers, new ConfigLayer(file, config, scope, includedFrom), ctx, depth, notes);
        } else if (p instanceof String reason && !reason.isEmpty()) {
            notes.add(reason);
            scanNotes.add(reason);
        }
    }

    /** A parsed Config, an empty string for a missing file (git skips those silently), or the reason it failed. */
    private static Object parse(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Files.exists(file) ? "cannot read " + file + ": not a regular file" : "";
            }
            return GitConfigs.read(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "cannot read " + file + ": " + IoReasons.of(e);
        } catch (ConfigInvalidException | RuntimeException e) {
            return file + " is not valid git config: " + IoReasons.oneLine(String.valueOf(e.getMessage()));
        }
    }

    private void add(List<ConfigLayer> layers, ConfigLayer layer, Context ctx, int depth, List<String> notes) {
        layers.add(layer);
        Config config = layer.config();
        Path dir = layer.file().toAbsolutePath().getParent();
        List<String> paths = new ArrayList<>(List.of(config.getStringList("include", null, "path")));
        for (String condition : config.getSubsections("includeIf")) {
            if (conditionHolds(condition, dir, ctx)) {
                paths.addAll(List.of(config.getStringList("includeIf", condition, "path")));
            }
        }
        for (String path : paths) {
            if (path.isEmpty()) {
                continue;
            }
            if (depth + 1 > MAX_INCLUDE_DEPTH) {
                notes.add(layer.file() + ": includes nested deeper than " + MAX_INCLUDE_DEPTH + " (git refuses them too)");
                return;
            }
            addShared(layers, resolve(path, dir), layer.scope(), layer.file(), ctx, depth + 1, notes);
        }
    }

    private Path resolve(String path, Path dir) {
        if (path.startsWith("~/") && global.home() != null) {
            return global.home().resolve(path.substring(2));
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }

    private boolean conditionHolds(String condition, Path dir, Context ctx) {
        if (condition.startsWith("gitdir:")) {
            return gitDirMatches(condition.substring("gitdir:".length()), dir, ctx.gitDir(), false);
        }
        if (condition.startsWith("gitdir/i:")) {
            return gitDirMatches(condition.substring("gitdir/i:".length()), dir, ctx.gitDir(), true);
        }
        if (condition.startsWith("onbranch:")) {
            String pattern = condition.substring("onbranch:".length());
            if (ctx.branch() == null || pattern.isEmpty()) {
                return false;
            }
            return Wildmatch.matches(pattern.endsWith("/") ? pattern + "**" : pattern, ctx.branch(), false);
        }
        if (condition.startsWith("hasconfig:remote.*.url:")) {
            String pattern = condition.substring("hasconfig:remote.*.url:".length());
            return ctx.remoteUrls() != null && ctx.remoteUrls().stream().anyMatch(u -> Wildmatch.matches(pattern, u, false));
        }
        return false; // unknown conditions are false for git as well
    }

    private boolean gitDirMatches(String pattern, Path includingDir, Path gitDir, boolean ignoreCase) {
        if (pattern.isEmpty()) {
            return false;
        }
        String p = pattern;
        if (p.startsWith("~/") && global.home() != null) {
            p = global.home().toString() + p.substring(1);
        } else if (p.startsWith("./")) {
            p = includingDir.toString() + p.substring(1);
        } else if (!p.startsWith("/")) {
            p = "**/" + p;
        }
        if (p.endsWith("/")) {
            p = p + "**";
        }
        String text = gitDir.toAbsolutePath().normalize().toString();
        if (Wildmatch.matches(p, text, ignoreCase)) {
            return true;
        }
        try {
            return Wildmatch.matches(p, gitDir.toRealPath().toString(), ignoreCase);
        } catch (IOException e) {
            return false;
        }
    }
}
