package dev.dkm.ui;

import dev.dkm.app.OneClickSetup;
import dev.dkm.journal.RunUndo;
import dev.dkm.journal.UndoReport;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.setup.SetupListener;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlan;
import dev.dkm.setup.SetupResult;
import dev.dkm.setup.SetupStep;
import dev.dkm.setup.StepOutcome;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.workspace.RepoInfo;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the "Set up deploy key" dialog: the plan for the chosen options, the host key question, and each step as
 * it ticks off. Planning, running and undoing go through {@link OneClickSetup} and {@link RunUndo} — the same use
 * cases as {@code dkm setup} and {@code dkm undo} — on background threads.
 */
public final class SetupDialogViewModel {
    public enum Phase { PLANNING, READY, BLOCKED, RUNNING, SUCCEEDED, FAILED, UNDONE }

    /** One row of the step list. */
    public record StepRow(SetupStep step, StepOutcome.Status status, String message, boolean running) {
        static StepRow pending(SetupStep step) {
            return new StepRow(step, null, "", false);
        }
    }

    private final RepoInfo repo;
    private final Supplier<OneClickSetup> setup;
    private final Supplier<RunUndo> undo;
    private final TaskExecutor executor;
    private final Executor uiThread;

    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty sharedKey = new SimpleBooleanProperty(false);
    private final BooleanProperty trustHostKey = new SimpleBooleanProperty(false);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.PLANNING);
    private final ObjectProperty<OneClickSetup.Prepared> prepared = new SimpleObjectProperty<>();
    private final ObservableList<String> planLines = FXCollections.observableArrayList();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty publicKey = new SimpleStringProperty("");
    private String runId;

    public SetupDialogViewModel(RepoInfo repo, Supplier<OneClickSetup> setup, Supplier<RunUndo> undo, TaskExecutor executor,
            Executor uiThread) {
        this.repo = repo;
        this.setup = setup;
        this.undo = undo;
        this.executor = executor;
        this.uiThread = uiThread;
        resetSteps();
    }

    /**
     * The dialog as the main window opens it for one of its repositories, whatever its environment (another account's
     * local steps run there, by its helper): {@link OneClickSetup} and the session's undo, the services asked for on
     * the worker thread.
     */
    public static SetupDialogViewModel forWindow(RepoInfo repo, Supplier<dev.dkm.app.AppServices> services, TaskExecutor executor,
            Executor uiThread) {
        return new SetupDialogViewModel(repo, () -> new OneClickSetup(services.get()), () -> services.get().undo(), executor, uiThread);
    }

    /** The read-only and shared-key choices the dialog opens with (the user's Preferences); before {@link #plan()}. */
    public SetupDialogViewModel startWith(SetupOptions defaults) {
        readOnly.set(defaults.readOnly());
        sharedKey.set(defaults.sharedKey());
        return this;
    }

    public RepoInfo repo() {
        return repo;
    }

    /** Makes the plan for the current options; nothing changes anywhere. */
    public void plan() {
        phase.set(Phase.PLANNING);
        planLines.clear();
        message.set("Reading the repository, GitLab and the host key…");
        SetupOptions options = SetupOptions.defaults().withReadOnly(readOnly.get()).withSharedKey(sharedKey.get());
        executor.submit(p -> setup.get().plan(repo, options), new TaskListener<>() {
            @Override
            public void onSuccess(OneClickSetup.Prepared result) {
                prepared.set(result);
                SetupPlan plan = result.plan();
                planLines.setAll(plan.describe());
                publicKey.set(plan.publicKey() == null ? "" : plan.publicKey().toLine());
                trustHostKey.set(false);
                phase.set(plan.blocked() ? Phase.BLOCKED : Phase.READY);
                message.set(plan.blocked() ? String.join("; ", plan.problems())
                        : plan.alreadyDone() ? "Already set up: running it again only verifies." : "");
            }

            @Override
            public void onFailure(Throwable error) {
                prepared.set(null);
                phase.set(Phase.BLOCKED);
                message.set(error.getMessage());
            }
        });
    }

    /** True when the host key is unknown and the user must confirm its fingerprint first. */
    public boolean needsHostKeyConsent() {
        return prepared.get() != null && prepared.get().plan().hostKey().state() == HostKeyStatus.State.UNKNOWN;
    }

    public boolean canRun() {
        return phase.get() == Phase.READY && (!needsHostKeyConsent() || trustHostKey.get());
    }

    public void run() {
        if (!canRun()) {
            return;
        }
        OneClickSetup.Prepared p = prepared.get();
        String confirmed = trustHostKey.get() ? p.plan().hostKey().fingerprint() : null;
        phase.set(Phase.RUNNING);
        message.set("");
        resetSteps();
        SetupListener listener = new SetupListener() {
            @Override
            public void started(SetupStep step) {
                uiThread.execute(() -> replace(new StepRow(step, null, "", true)));
            }

            @Override
            public void finished(StepOutcome outcome) {
                uiThread.execute(() -> replace(new StepRow(outcome.step(), outcome.status(), outcome.message(), false)));
            }
        };
        executor.submit(t -> setup.get().run(p, status -> confirmed != null && confirmed.equals(status.fingerprint()), listener),
                new TaskListener<SetupResult>() {
                    @Override
                    public void onSuccess(SetupResult result) {
                        runId = result.runId();
                        result.steps().stream().filter(o -> o.status() == StepOutcome.Status.ROLLED_BACK)
                                .forEach(o -> replace(new StepRow(o.step(), o.status(), o.message(), false)));
                        phase.set(result.success() ? Phase.SUCCEEDED : Phase.FAILED);
                        message.set((result.complete()
                                ? "Done: " + repo.relativePath() + " pushes over SSH with its own deploy key. Run " + runId + "."
                                : result.success()
                                ? "Not complete: " + repo.relativePath() + " uses its own deploy key over SSH, but "
                                        + result.limitation() + ". Run " + runId + "."
                                : result.failure()) + result.notes().stream().map(n -> "\n" + n).collect(Collectors.joining()));
                        if (!publicKey.get().isEmpty() || p.plan().keyFile() == null) {
                            return;
                        }
                        publicKey.set(readPublicKey(p));
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        phase.set(Phase.FAILED);
                        message.set(error.getMessage());
                    }
                });
    }

    private final javafx.beans.property.BooleanProperty partlyUndone = new javafx.beans.property.SimpleBooleanProperty(false);

    /** True while the last undo left something to undo (the dialog says what and why, and offers Undo again). */
    public javafx.beans.property.BooleanProperty partlyUndoneProperty() {
        return partlyUndone;
    }

    public void undoRun() {
        if (runId == null) {
            return;
        }
        String id = runId;
        executor.submit(t -> undo.get().undo(id), new TaskListener<UndoReport>() {
            @Override
            public void onSuccess(UndoReport report) {
                // the message first (whoever sees the phase change sees what it says); a partial undo keeps the phase
                // that offers Undo, since what is left is undone by running it again once fixed
                partlyUndone.set(!report.complete());
                message.set(report.complete() ? "Undone: the config is back as it was and the deploy key is removed."
                        : "Partly undone: " + String.join("; ", report.lines()) + " — Undo again once fixed.");
                if (report.complete()) {
                    phase.set(Phase.UNDONE);
                }
            }

            @Override
            public void onFailure(Throwable error) {
                message.set("Undo failed: " + error.getMessage());
            }
        });
    }

    private static String readPublicKey(OneClickSetup.Prepared p) {
        try {
            return new dev.dkm.keys.PublicKeyReader().read(p.plan().keyFile()).toLine();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private void replace(StepRow row) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == row.step()) {
                steps.set(i, row);
                return;
            }
        }
        steps.add(row); // a rollback line comes after the five steps
    }

    private void resetSteps() {
        steps.setAll(List.of(SetupStep.values()).stream().map(StepRow::pending).toList());
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public BooleanProperty sharedKeyProperty() {
        return sharedKey;
    }

    public BooleanProperty trustHostKeyProperty() {
        return trustHostKey;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<OneClickSetup.Prepared> preparedProperty() {
        return prepared;
    }

    public ObservableList<String> planLines() {
        return planLines;
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty publicKeyProperty() {
        return publicKey;
    }

    public String runId() {
        return runId;
    }
}
