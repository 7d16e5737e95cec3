package dev.dkm.workspace;

import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The workspace roots a user added, one absolute path per line in {@code workspace-roots.txt}, written
 * atomically (temp file + {@code ATOMIC_MOVE}). A stop-gap until the settings store takes over.
 */
public final class WorkspaceRootsFile {
    public static final String FILE_NAME = "workspace-roots.txt";

    private final Path file;

    public WorkspaceRootsFile(Path file) {
        this.file = file;
    }

    /** In {@code $DKM_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/dkm}, else {@code <user.home>/.config/dkm}. */
    public static WorkspaceRootsFile inDefaultConfigDir() {
        return new WorkspaceRootsFile(defaultConfigDir(System.getenv(), System.getProperty("user.home")).resolve(FILE_NAME));
    }

    static Path defaultConfigDir(Map<String, String> env, String userHome) {
        String dkm = env.get("DKM_CONFIG_DIR");
        if (dkm != null && !dkm.isBlank()) {
            return Path.of(dkm);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "dkm");
        }
        return Path.of(userHome, ".config", "dkm");
    }

    public Path file() {
        return file;
    }

    /** The saved roots in their saved order; empty when nothing was saved yet. Blank lines are skipped. */
    public List<Path> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            LinkedHashSet<Path> roots = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    roots.add(Path.of(line.strip()));
                }
            }
            return List.copyOf(roots);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the workspace roots from " + file, e);
        }
    }

    public void save(List<Path> roots) {
        List<String> lines = new ArrayList<>();
        for (Path root : new LinkedHashSet<>(roots)) {
            lines.add(root.toAbsolutePath().normalize().toString());
        }
        try {
            AtomicFiles.write(file, (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8),
                    FileMode.KEEP_OR_PRIVATE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the workspace roots to " + file, e);
        }
    }
}
