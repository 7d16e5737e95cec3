package dev.dkm.ui;

import dev.dkm.app.WorkspaceRoots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the window remembers its workspace roots between runs. */
public interface WorkspaceRootsStore {
    List<Path> load();

    void save(List<Path> roots);

    /** The other environments the window scans besides this account's roots (EnvironmentSpec ids). */
    default List<String> loadEnvironments() {
        return List.of();
    }

    default void saveEnvironments(List<String> ids) {
        throw new UnsupportedOperationException("this window does not remember environments");
    }

    /** Backed by the settings (the same roots {@code dkm tokens} scans without ROOT). */
    static WorkspaceRootsStore of(WorkspaceRoots file) {
        return new WorkspaceRootsStore() {
            @Override
            public List<Path> load() {
                return file.load();
            }

            @Override
            public void save(List<Path> roots) {
                file.save(roots);
            }

            @Override
            public List<String> loadEnvironments() {
                return file.loadEnvironments();
            }

            @Override
            public void saveEnvironments(List<String> ids) {
                file.saveEnvironments(ids);
            }
        };
    }

    /** Remembers nothing beyond this run: for tests and for snapshot runs that must not touch the user's list. */
    static WorkspaceRootsStore inMemory(List<Path> initial) {
        List<Path> saved = new ArrayList<>(initial);
        List<String> environments = new ArrayList<>();
        return new WorkspaceRootsStore() {
            @Override
            public synchronized List<Path> load() {
                return List.copyOf(saved);
            }

            @Override
            public synchronized void save(List<Path> roots) {
                saved.clear();
                saved.addAll(roots);
            }

            @Override
            public synchronized List<String> loadEnvironments() {
                return List.copyOf(environments);
            }

            @Override
            public synchronized void saveEnvironments(List<String> ids) {
                environments.clear();
                environments.addAll(ids);
            }
        };
    }
}
