package dev.dkm.ui;

import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.task.Progress;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskHandle;
import dev.dkm.task.TaskListener;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What GitLab says about each scanned repository's key (the table's "GitLab" column and the details pane): looked
 * up off the FX thread after each scan through {@link dev.dkm.deploykeys.ServerKeyStatusLookup}, kept until the next
 * lookup. A lookup started meanwhile replaces the running one; its late answer is dropped.
 */
public final class ServerStatusModel {
    /** The lookup use case: one status per repository path. */
    @FunctionalInterface
    public interface Lookup {
        Map<Path, ServerKeyStatus> lookup(List<RepoInfo> repos, Progress progress) throws Exception;
    }

    private final TaskExecutor executor;
    private final Lookup lookup;
    private final ReadOnlyObjectWrapper<Map<Path, ServerKeyStatus>> statuses = new ReadOnlyObjectWrapper<>(this, "statuses", Map.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private TaskHandle running;
    private long generation;

    public ServerStatusModel(TaskExecutor executor, Lookup lookup) {
        this.executor = executor;
        this.lookup = lookup;
    }

    /** Looks the statuses up again after every finished scan of {@code window}. */
    public ServerStatusModel follow(MainWindowViewModel window) {
        window.scanStateProperty().addListener((obs, old, now) -> {
            if (now == ScanState.DONE || now == ScanState.CANCELLED) {
                refresh(window.repos());
            }
        });
        return this;
    }

    /** Asks GitLab about these repositories (in the background); the table shows "checking…" meanwhile. */
    public void refresh(List<RepoInfo> repos) {
        if (running != null) {
            running.cancel();
        }
        long mine = ++generation;
        List<RepoInfo> copy = List.copyOf(repos);
        busy.set(true);
        problem.set("");
        running = executor.submit(p -> lookup.lookup(copy, p), new TaskListener<Map<Path, ServerKeyStatus>>() {
            @Override
            public void onSuccess(Map<Path, ServerKeyStatus> result) {
                if (mine == generation) {
                    statuses.set(Map.copyOf(result));
                    done();
                }
            }

            @Override
            public void onFailure(Throwable error) {
                if (mine == generation) {
                    statuses.set(Map.of());
                    problem.set("Could not ask GitLab about the keys: " + error.getMessage());
                    done();
                }
            }

            @Override
            public void onCancelled() {
                if (mine == generation) {
                    done();
                }
            }
        });
    }

    private void done() {
        running = null;
        busy.set(false);
    }

    /** The status of a repository, empty while it is being looked up or was never. */
    public Optional<ServerKeyStatus> statusOf(RepoInfo repo) {
        return repo == null ? Optional.empty() : Optional.ofNullable(statuses.get().get(repo.path()));
    }

    /** Every status of the last lookup; replaced as a whole when a lookup finishes. */
    public ReadOnlyObjectProperty<Map<Path, ServerKeyStatus>> statusesProperty() {
        return statuses.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last lookup failed as a whole, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
