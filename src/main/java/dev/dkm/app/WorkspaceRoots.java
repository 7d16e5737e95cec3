package dev.dkm.app;

import dev.dkm.settings.AppDirs;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.workspace.WorkspaceRootsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The workspace roots the user added, kept in the settings only: the window's list, and what {@code dkm tokens} scans
 * without ROOT. The old {@code workspace-roots.txt} (written by earlier versions) is read once, merged into the
 * settings and deleted. Reading and writing only touch this field: an instance or a preference saved meanwhile stays.
 */
public final class WorkspaceRoots {
    private final SettingsStore store;
    private final Path oldFile;

    public WorkspaceRoots(AppDirs dirs) {
        this.store = SettingsStore.at(dirs);
        this.oldFile = dirs.configDir().resolve(WorkspaceRootsFile.FILE_NAME);
    }

    /** The roots in the order the user added them (after moving an old {@code workspace-roots.txt} over, once). */
    public synchronized List<Path> load() {
        Settings settings = store.load();
        if (!Files.exists(oldFile, LinkOption.NOFOLLOW_LINKS)) {
            return settings.workspaceRoots();
        }
        LinkedHashSet<Path> merged = new LinkedHashSet<>(settings.workspaceRoots());
        merged.addAll(new WorkspaceRootsFile(oldFile).load());
        List<Path> roots = List.copyOf(merged);
        store.save(settings.withWorkspaceRoots(roots));
        try {
            Files.deleteIfExists(oldFile);
        } catch (IOException e) {
            throw new UncheckedIOException("the workspace roots moved into " + store.file() + " but " + oldFile
                    + " could not be deleted", e);
        }
        return roots;
    }

    /** Replaces the roots (absolute, normalized, without duplicates), re-reading the settings first. */
    public synchronized void save(List<Path> roots) {
        load();
        LinkedHashSet<Path> clean = new LinkedHashSet<>();
        roots.forEach(r -> clean.add(r.toAbsolutePath().normalize()));
        store.save(store.load().withWorkspaceRoots(List.copyOf(clean)));
    }

    /** The other environments the window scans (EnvironmentSpec ids), in the order the user added them. */
    public synchronized List<String> loadEnvironments() {
        return store.load().environments();
    }

    /** Replaces the remembered environments, re-reading the settings first so nothing else saved meanwhile is lost. */
    public synchronized void saveEnvironments(List<String> ids) {
        store.save(store.load().withEnvironments(List.copyOf(new LinkedHashSet<>(ids))));
    }
}
