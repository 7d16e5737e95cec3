package dev.dkm.ui;

import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.deploykeys.ProjectDeployKeys.Candidate;
import dev.dkm.deploykeys.ProjectDeployKeys.ProjectKey;
import dev.dkm.deploykeys.ProjectDeployKeys.Target;
import dev.dkm.task.BackgroundTask;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.workspace.RepoInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and actions of "Deploy keys on GitLab" in the details pane, without the toolkit: the selected
 * repository's project keys loaded off the FX thread through the {@link TaskExecutor}, the one this repository is
 * wired to marked, and the changes (toggle access, remove, enable another key) through {@link ProjectDeployKeys},
 * the use case {@code dkm keys} runs. A failure becomes the one sentence in {@link #errorProperty()}; the section
 * stays usable. Answers for an earlier repository are dropped.
 */
public final class DeployKeysSectionViewModel {
    private final Supplier<ProjectDeployKeys> keys;
    private final TaskExecutor executor;
    private final ObservableList<ProjectKey> projectKeys = FXCollections.observableArrayList();
    /** One wrapper for good: it listens to {@link #projectKeys} weakly, so a fresh one per call would lose listeners. */
    private final ObservableList<ProjectKey> shownKeys = FXCollections.unmodifiableObservableList(projectKeys);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadingCandidates = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canEnable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    /** Bumped on every new repository: answers for an earlier one are dropped. */
    private int generation;
    private RepoInfo repo;
    private Target target;

    public DeployKeysSectionViewModel(Supplier<ProjectDeployKeys> keys, TaskExecutor executor) {
        this.keys = keys;
        this.executor = executor;
    }

    /** The project's keys, the one this repository uses first. */
    public ObservableList<ProjectKey> keys() {
        return shownKeys;
    }

    /** True while keys are being loaded or changed on GitLab. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the keys that could be enabled are being looked up. */
    public ReadOnlyBooleanProperty loadingCandidatesProperty() {
        return loadingCandidates.getReadOnlyProperty();
    }

    /** True once a project's keys are shown: "Enable another key…" applies. */
    public ReadOnlyBooleanProperty canEnableProperty() {
        return canEnable.getReadOnlyProperty();
    }

    /** The last failure in one sentence, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The outcome of the last change in one sentence, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What stands in for the list when there is none ("No GitLab remote.", "No deploy keys on …"), or empty. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** A problem with the listing itself (the wired key is not a deploy key of the project), or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The project the shown keys belong to, or null before a listing. */
    public String projectPath() {
        return target == null ? null : target.projectPath();
    }

    /** Loads the keys of {@code shown}'s project (nothing for null). */
    public void show(RepoInfo shown) {
        generation++;
        repo = shown;
        target = null;
        projectKeys.clear();
        placeholder.set("");
        note.set("");
        message.set("");
        error.set("");
        canEnable.set(false);
        loadingCandidates.set(false);
        busy.set(false);
        if (shown != null) {
            load(generation, "");
        }
    }

    private void load(int forGeneration, String afterwards) {
        RepoInfo shown = repo;
        start();
        run(p -> {
            ProjectDeployKeys k = keys.get();
            Optional<Target> t = k.target(shown);
            return t.isEmpty() ? null : k.list(t.get());
        }, forGeneration, listing -> {
            busy.set(false);
            if (listing == null) {
                projectKeys.clear();
                placeholder.set(noInstance(shown));
                return;
            }
            target = listing.target();
            note.set(listing.note() == null ? "" : listing.note());
            placeholder.set(listing.keys().isEmpty() ? "No deploy keys on " + target.projectPath() + "." : "");
            projectKeys.setAll(listing.keys());
            canEnable.set(true);
            message.set(afterwards);
        });
    }

    static String noInstance(RepoInfo repo) {
        String host = repo.primaryRemote().map(r -> r.host()).orElse(null);
        return host == null ? "No GitLab remote." : "No GitLab instance with a token is configured for " + host + ".";
    }

    /** Makes the key read-only when it is read-write and the other way round, then lists again. */
    public void toggle(ProjectKey key) {
        change((ks, t) -> ProjectDeployKeys.accessChanged(t, ks.setCanPush(t, key.id(), !key.readWrite())));
    }

    /** Why removing this key deserves a second thought (the key this repository pushes with), or empty. */
    public Optional<String> removalWarning(ProjectKey key) {
        return target == null ? Optional.empty() : ProjectDeployKeys.removalWarning(target, key);
    }

    /** The question to confirm before {@link #remove}. */
    public String removalQuestion(ProjectKey key) {
        return "Remove \"" + key.key().title() + "\" from " + projectPath() + "?";
    }

    /** The text of the confirmation: the in-use warning, or what GitLab does with the key. */
    public String removalText(ProjectKey key) {
        return removalWarning(key).orElse("GitLab deletes the key altogether when no other project uses it.");
    }

    /** Removes the key from the project, the user having confirmed (also past {@link #removalWarning}). */
    public void remove(ProjectKey key) {
        change((ks, t) -> {
            ks.remove(t, key, true);
            return "Removed \"" + key.key().title() + "\" from " + t.projectPath() + ".";
        });
    }

    /** Looks up the keys that could be enabled on the project, then hands them to {@code choose}. */
    public void loadCandidates(Consumer<List<Candidate>> choose) {
        Target t = target;
        if (t == null || loadingCandidates.get()) {
            return;
        }
        loadingCandidates.set(true);
        error.set("");
        run(p -> keys.get().enableable(t), generation, candidates -> {
            loadingCandidates.set(false);
            choose.accept(candidates);
        });
    }

    /** Enables an existing key on the project, read-only unless {@code readWrite}, then lists again. */
    public void enable(Candidate candidate, boolean readWrite) {
        change((ks, t) -> {
            ProjectKey enabled = ks.enable(t, candidate.key().id(), readWrite);
            return "Enabled \"" + enabled.key().title() + "\" on " + t.projectPath() + ", "
                    + (enabled.readWrite() ? "read-write." : "read-only.");
        });
    }

    /** A change on GitLab, then the list again with its one-sentence outcome (or the error). */
    private void change(KeyChange action) {
        Target t = target;
        if (t == null || busy.get()) {
            return;
        }
        int forGeneration = generation;
        start();
        run(p -> action.apply(keys.get(), t), forGeneration, done -> load(forGeneration, done));
    }

    @FunctionalInterface
    private interface KeyChange {
        String apply(ProjectDeployKeys keys, Target target) throws Exception;
    }

    private void start() {
        busy.set(true);
        error.set("");
        message.set("");
    }

    private <T> void run(BackgroundTask<T> task, int forGeneration, Consumer<T> onSuccess) {
        executor.submit(task, new TaskListener<T>() {
            @Override
            public void onSuccess(T result) {
                if (forGeneration == generation) {
                    onSuccess.accept(result);
                }
            }

            @Override
            public void onFailure(Throwable failure) {
                if (forGeneration == generation) {
                    busy.set(false);
                    loadingCandidates.set(false);
                    error.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
                }
            }
        });
    }
}
