package dev.dkm.ui;

import dev.dkm.app.BulkConversion;
import dev.dkm.app.EnvironmentConversion;
import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.ConversionReport;
import dev.dkm.convert.ConversionReportExport;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.convert.TokenCleanup;
import dev.dkm.convert.TokenUse;
import dev.dkm.journal.UndoReport;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskHandle;
import dev.dkm.task.TaskListener;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the "Convert to SSH" dialog: which repositories are selected (all with tokens in URLs by default, from
 * every scanned repository or only those the main window shows), the preview, the run with its counts and ETA, and
 * the results with export, undo and the removed tokens to revoke. The work goes through {@link BulkConversion} —
 * the same use case as {@code dkm convert} — on background threads; no node here, so it is tested without a screen.
 */
public final class ConvertDialogViewModel {
    public enum Phase { SELECT, PREVIEWING, PREVIEW, RUNNING, DONE, UNDOING, UNDONE }

    /** Which scanned repositories the dialog lists. */
    public enum Scope { ALL, VISIBLE }

    public enum ExportFormat {
        CSV("csv"), JSON("json");

        private final String extension;

        ExportFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** A host key seen for the first time in the preview: the user confirms it before the run. */
    public record HostKeyQuestion(HostKeyStatus status, BooleanProperty trusted) {}

    /** A token the run took out of configs, and how revoking it went. */
    public record TokenRow(TokenUse use, StringProperty result, BooleanProperty revoked, BooleanProperty busy) {
        TokenRow(TokenUse use) {
            this(use, new SimpleStringProperty(""), new SimpleBooleanProperty(false), new SimpleBooleanProperty(false));
        }

        /** Unused elsewhere in the workspace, and not revoked yet. */
        public boolean canRevoke() {
            return use.unused() && !revoked.get();
        }
    }

    private final List<RepoInfo> all;
    private final List<RepoInfo> visible;
    private final Supplier<BulkConversion> conversionFactory;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final LongSupplier nanoTime;
    private BulkConversion conversion;

    private final Map<Path, BooleanProperty> selection = new LinkedHashMap<>();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final ObservableList<RepoInfo> candidates = FXCollections.observableArrayList();
    private final IntegerProperty selectedCount = new SimpleIntegerProperty();
    private final ObjectProperty<KeyStrategy> keyStrategy = new SimpleObjectProperty<>(KeyStrategy.ONE_KEY_PER_REPOSITORY);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.SELECT);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<ConversionPreview> preview = new SimpleObjectProperty<>();
    private final ObservableList<ConversionItem> previewItems = FXCollections.observableArrayList();
    private final ObservableList<HostKeyQuestion> hostKeys = FXCollections.observableArrayList();
    private final IntegerProperty hostKeysTrusted = new SimpleIntegerProperty();
    private final ObservableList<String> environmentProblems = FXCollections.observableArrayList();

    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty converted = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();
    private final IntegerProperty finished = new SimpleIntegerProperty();
    private final StringProperty countsText = new SimpleStringProperty("");
    private final StringProperty current = new SimpleStringProperty("");
    private final ObservableList<RepoOutcome> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<ConversionReport> report = new SimpleObjectProperty<>();
    private final ObservableList<TokenRow> tokens = FXCollections.observableArrayList();
    /** What became of each token taken from a shared file (credential store, global or included config), one line each. */
    private final ObservableList<String> sharedFiles = FXCollections.observableArrayList();
    private final ObservableList<String> undoLines = FXCollections.observableArrayList();
    /** After a run over several environments: one line per environment, what happened there (a failed one with its reason). */
    private final ObservableList<EnvironmentLine> environmentLines = FXCollections.observableArrayList();
    /** Which environment each listed repository lives in (null: this account). */
    private final Map<Path, String> environmentOf = new LinkedHashMap<>();
    private List<String> notScanned = List.of();

    private final BooleanProperty undoIncomplete = new SimpleBooleanProperty(false);
    /** What became of the last export, beside the export buttons (the run's own message stays as it was). */
    private final StringProperty exportMessage = new SimpleStringProperty("");
    private final BooleanProperty exportFailed = new SimpleBooleanProperty(false);
    private TaskHandle running;
    private boolean cancelRequested;
    private long startedNanos;
    private Runnable onChanged = () -> {};

    /**
     * @param all      every scanned repository of the main window
     * @param visible  those its filter shows now
     * @param nanoTime the clock of the ETA ({@code System::nanoTime}; tests pass their own)
     */
    public ConvertDialogViewModel(List<RepoInfo> all, List<RepoInfo> visible, Supplier<BulkConversion> conversion,
            TaskExecutor executor, Executor uiThread, LongSupplier nanoTime) {
        this.all = List.copyOf(all);
        this.visible = List.copyOf(visible);
        this.conversionFactory = conversion;
        this.executor = executor;
        this.uiThread = uiThread;
        this.nanoTime = nanoTime;
        for (RepoInfo repo : this.all) {
            environmentOf.put(repo.path(), repo.environment());
            BooleanProperty selected = new SimpleBooleanProperty(false);
            selected.addListener((o, a, b) -> recount());
            selection.put(repo.path(), selected);
        }
        scope.addListener((o, a, b) -> {
            candidates.setAll(b == Scope.VISIBLE ? this.visible : this.all);
            recount();
        });
        candidates.setAll(this.all);
        selectWithTokens();
    }

    public ConvertDialogViewModel(List<RepoInfo> all, List<RepoInfo> visible, Supplier<BulkConversion> conversion,
            TaskExecutor executor, Executor uiThread) {
        this(all, visible, conversion, executor, uiThread, System::nanoTime);
    }

    /**
     * The dialog as the main window opens it: over every repository the window scanned (this account's roots and its
     * environments, each converted and undone by its own helper) and those its filter shows, through the same
     * {@link BulkConversion} as {@code dkm convert}, the session's services asked for on the worker thread.
     */
    public static ConvertDialogViewModel overWindow(MainWindowViewModel window, Supplier<dev.dkm.app.AppServices> services,
            TaskExecutor executor, Executor uiThread) {
        List<Path> roots = List.copyOf(window.roots());
        return new ConvertDialogViewModel(window.repos(), window.visibleRepos(), () -> new BulkConversion(services.get(), roots),
                executor, uiThread).notScanned(window.environmentFailures());
    }

    /**
     * The environments the window could not scan ({@code codimd: reason}): not listed, so not converted; the dialog
     * says so before the run and in the results, one line each.
     */
    public ConvertDialogViewModel notScanned(List<String> failures) {
        notScanned = List.copyOf(failures);
        return this;
    }

    public List<String> notScanned() {
        return notScanned;
    }

    /** The key strategy and read-only choice the dialog opens with (the user's Preferences). */
    public ConvertDialogViewModel startWith(SetupOptions defaults) {
        keyStrategy.set(defaults.sharedKey() ? KeyStrategy.ONE_KEY_PER_ENVIRONMENT : KeyStrategy.ONE_KEY_PER_REPOSITORY);
        readOnly.set(defaults.readOnly());
        return this;
    }

    /** Called after a run or an undo changed repositories (the main window rescans). */
    public void onChanged(Runnable action) {
        this.onChanged = action;
    }

    private synchronized BulkConversion conversion() {
        if (conversion == null) {
            conversion = conversionFactory.get();
        }
        return conversion;
    }

    // ---- environments

    /** True when some listed repository lives in another environment: the tables then say where each one lives. */
    public boolean hasEnvironments() {
        return environmentOf.values().stream().anyMatch(Objects::nonNull);
    }

    /** The environment a repository of the run lives in, null for this account's own. */
    public String environmentOf(RepoOutcome outcome) {
        return outcome.environment() != null ? outcome.environment() : environmentOf.get(outcome.repo());
    }

    /** "codimd" or "this account". */
    public static String environmentLabel(String environment) {
        return environment == null ? EnvironmentConversion.THIS_ACCOUNT : environment;
    }

    /**
     * What the tokens box says when no token is offered: none was taken out of a config, or those taken out of other
     * environments' configs are not offered for revocation (dkm cannot see where else that environment uses them).
     */
    public String noTokensText() {
        ConversionReport r = report.get();
        boolean elsewhere = r != null && r.outcomes().stream()
                .anyMatch(o -> o.outcome() == RepoOutcome.Outcome.CONVERTED && environmentOf(o) != null);
        return elsewhere ? "Tokens taken out of other environments' configs are not offered for revocation here: dkm cannot"
                + " see where else those environments use them; revoke each on GitLab once nothing there needs it."
                : "No token was taken out of a config.";
    }

    /** One environment's line of the results, and whether all went well there. */
    public record EnvironmentLine(String text, boolean ok) {}

    public ObservableList<EnvironmentLine> environmentLines() {
        return environmentLines;
    }

    // ---- selection

    /** Selects exactly the listed repositories that carry a token in a remote URL. */
    public void selectWithTokens() {
        candidates.forEach(r -> selectedProperty(r).set(BulkConversion.hasToken(r)));
    }

    public void selectNone() {
        candidates.forEach(r -> selectedProperty(r).set(false));
    }

    public BooleanProperty selectedProperty(RepoInfo repo) {
        return Objects.requireNonNull(selection.get(repo.path()), "not a scanned repository: " + repo.path());
    }

    /** The listed repositories that are ticked, in list order: what Preview plans. */
    public List<RepoInfo> selectedRepos() {
        return candidates.stream().filter(r -> selectedProperty(r).get()).toList();
    }

    private void recount() {
        selectedCount.set(selectedRepos().size());
    }

    public long tokenCount() {
        return candidates.stream().filter(BulkConversion::hasToken).count();
    }

    public int allCount() {
        return all.size();
    }

    public int visibleCount() {
        return visible.size();
    }

    public SetupOptions options() {
        return SetupOptions.defaults().withReadOnly(readOnly.get())
                .withSharedKey(keyStrategy.get() == KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
    }

    // ---- preview

    public boolean canPreview() {
        return phase.get() == Phase.SELECT && selectedCount.get() > 0;
    }

    /** Plans every selected repository in the background; nothing changes anywhere. */
    public void preview() {
        if (!canPreview()) {
            return;
        }
        List<RepoInfo> selected = selectedRepos();
        SetupOptions options = options();
        phase.set(Phase.PREVIEWING);
        progress.set(-1);
        message.set("Planning " + plural(selected.size(), "repository", "repositories") + "…");
        executor.submit(p -> conversion().preview(selected, options, BulkConversion.DEFAULT_JOBS, p), new TaskListener<>() {
            @Override
            public void onProgress(long done, long all, String what) {
                if (all > 0) {
                    progress.set((double) done / all);
                    message.set("Planning " + done + " of " + all + "…");
                }
            }

            @Override
            public void onSuccess(ConversionPreview result) {
                showPreview(result);
            }

            @Override
            public void onFailure(Throwable error) {
                phase.set(Phase.SELECT);
                message.set("Preview failed: " + error.getMessage());
            }
        });
    }

    private void showPreview(ConversionPreview result) {
        preview.set(result);
        previewItems.setAll(result.items());
        Map<String, HostKeyStatus> unknown = new LinkedHashMap<>();
        for (ConversionItem item : result.ready()) {
            HostKeyStatus key = item.plan().hostKey();
            if (key != null && key.state() == HostKeyStatus.State.UNKNOWN && key.fingerprint() != null) {
                unknown.putIfAbsent(key.fingerprint(), key);
            }
        }
        hostKeys.setAll(unknown.values().stream().map(k -> {
            HostKeyQuestion q = new HostKeyQuestion(k, new SimpleBooleanProperty(false));
            q.trusted().addListener((o, a, b) -> hostKeysTrusted.set((int) hostKeys.stream().filter(h -> h.trusted().get()).count()));
            return q;
        }).toList());
        hostKeysTrusted.set(0);
        environmentProblems.setAll(environmentProblems(result));
        progress.set(0);
        phase.set(Phase.PREVIEW);
        message.set(result.ready().isEmpty() ? "Nothing to convert: see the reasons in the table." : "");
    }

    /**
     * The environments none of whose repositories can be planned, for one same reason (its helper could not start or
     * ended, the account was removed): one line each, {@code codimd: its environment could not be reached: …}, said
     * above the table rather than only row by row.
     */
    static List<String> environmentProblems(ConversionPreview preview) {
        Map<String, List<ConversionItem>> byEnvironment = new LinkedHashMap<>();
        for (ConversionItem item : preview.items()) {
            if (item.repo().environment() != null) {
                byEnvironment.computeIfAbsent(item.repo().environment(), k -> new java.util.ArrayList<>()).add(item);
            }
        }
        List<String> lines = new java.util.ArrayList<>();
        byEnvironment.forEach((environment, items) -> {
            List<String> reasons = items.stream().map(ConversionItem::reason).distinct().toList();
            if (items.stream().allMatch(i -> i.state() == ConversionItem.State.PROBLEM) && reasons.size() == 1 && reasons.get(0) != null) {
                lines.add(environment + ": " + reasons.get(0));
            }
        });
        return lines;
    }

    /** See {@link #environmentProblems(ConversionPreview)}: set with each preview. */
    public ObservableList<String> environmentProblems() {
        return environmentProblems;
    }

    /** Back from the preview to the selection (nothing ran). */
    public void back() {
        if (phase.get() == Phase.PREVIEW) {
            phase.set(Phase.SELECT);
            message.set("");
        }
    }

    public int readyCount() {
        return preview.get() == null ? 0 : preview.get().ready().size();
    }

    public boolean canRun() {
        return phase.get() == Phase.PREVIEW && readyCount() > 0 && hostKeys.stream().allMatch(h -> h.trusted().get());
    }

    /** "Convert 3 repositories": the button says what it will do. */
    public String runLabel() {
        return "Convert " + plural(readyCount(), "repository", "repositories");
    }

    // ---- run

    public void run() {
        if (!canRun()) {
            return;
        }
        ConversionPreview plan = preview.get();
        List<String> trusted = hostKeys.stream().filter(h -> h.trusted().get()).map(h -> h.status().fingerprint()).toList();
        phase.set(Phase.RUNNING);
        cancelRequested = false;
        total.set(plan.ready().size());
        converted.set(0);
        failed.set(0);
        finished.set(0);
        outcomes.clear();
        startedNanos = nanoTime.getAsLong();
        updateCounts();
        message.set("");
        BulkConverter.Listener listener = new BulkConverter.Listener() {
            @Override
            public void repoStarted(RepoInfo repo) {
                uiThread.execute(() -> current.set("Converting " + repo.relativePath() + "…"));
            }

            @Override
            public void repoFinished(RepoOutcome outcome) {
                uiThread.execute(() -> recordOutcome(outcome));
            }
        };
        SetupOptions asked = options();
        running = executor.submit(p -> conversion().run(null, plan, status -> trusted.contains(status.fingerprint()),
                BulkConversion.DEFAULT_JOBS, asked, p, listener), new TaskListener<BulkConversion.Result>() {
                    @Override
                    public void onSuccess(BulkConversion.Result result) {
                        showResults(result);
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        running = null;
                        phase.set(Phase.PREVIEW);
                        message.set("The run stopped: " + error.getMessage());
                        onChanged.run();
                    }
                });
    }

    /** One repository finished (or, after a cancel, never started): counts, progress and ETA move. */
    void recordOutcome(RepoOutcome outcome) {
        outcomes.add(outcome);
        finished.set(finished.get() + 1);
        if (outcome.outcome() == RepoOutcome.Outcome.CONVERTED) {
            converted.set(converted.get() + 1);
        } else if (outcome.outcome() == RepoOutcome.Outcome.FAILED) {
            failed.set(failed.get() + 1);
        }
        progress.set(total.get() == 0 ? 0 : Math.min(1, (double) finished.get() / total.get()));
        updateCounts();
    }

    private void updateCounts() {
        int remaining = Math.max(0, total.get() - finished.get());
        String text = converted.get() + " converted · " + failed.get() + " failed · " + remaining + " remaining";
        Duration eta = eta(nanoTime.getAsLong() - startedNanos, finished.get(), total.get());
        if (eta != null && !cancelRequested) {
            text += " · " + etaText(eta);
        }
        countsText.set(text);
    }

    /** Time left at the pace so far; null before the first repository finishes or once all have. */
    static Duration eta(long elapsedNanos, int done, int total) {
        if (done <= 0 || done >= total) {
            return null;
        }
        return Duration.ofNanos(elapsedNanos / done * (total - done));
    }

    /** "about 40 s left", "about 2 min 10 s left". */
    static String etaText(Duration eta) {
        long seconds = Math.max(1, (eta.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return "about " + seconds + " s left";
        }
        long s = seconds % 60;
        return "about " + seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s") + " left";
    }

    public boolean canCancel() {
        return phase.get() == Phase.RUNNING && running != null && !cancelRequested;
    }

    /** Repositories in flight finish (or roll back); none starts after this. */
    public void cancel() {
        if (!canCancel()) {
            return;
        }
        cancelRequested = true;
        running.cancel();
        message.set("Cancelling: the repositories in flight finish, no new one starts…");
        updateCounts();
    }

    private void showResults(BulkConversion.Result result) {
        running = null;
        ConversionReport r = result.report();
        report.set(r);
        outcomes.setAll(r.outcomes());
        sharedFiles.setAll(result.shared().stream().map(dev.dkm.convert.SharedTokenCleanup.Outcome::message).toList());
        tokens.setAll(result.tokens().stream().map(TokenRow::new).toList());
        List<EnvironmentLine> lines = new java.util.ArrayList<>();
        if (hasEnvironments()) {
            // a line names "failed" exactly when a repository failed there (the reason is only said when all did)
            EnvironmentConversion.environmentLines(r.outcomes(), this::environmentOf)
                    .forEach(l -> lines.add(new EnvironmentLine(l, !l.contains(" failed"))));
        }
        notScanned.forEach(line -> {
            int colon = line.indexOf(": ");
            lines.add(new EnvironmentLine(colon < 0 ? line
                    : line.substring(0, colon) + ": not scanned, nothing converted: " + line.substring(colon + 2), false));
        });
        environmentLines.setAll(lines);
        progress.set(1);
        current.set("");
        phase.set(Phase.DONE);
        long failures = r.count(RepoOutcome.Outcome.FAILED);
        message.set(failures > 0 ? plural(failures, "repository", "repositories") + " not converted: each was left as it"
                + " was (or rolled back); the reason is in its row." : "Every converted repository was verified with a real git call.");
        onChanged.run();
    }

    // ---- results

    public String runId() {
        return report.get() == null ? null : report.get().runId();
    }

    /**
     * After the run, and again after an undo that could not finish (a config another account cannot write now, an
     * environment not reachable): its message says to undo again once fixed, so the button must still work.
     */
    public boolean canUndo() {
        return report.get() != null && (phase.get() == Phase.DONE || phase.get() == Phase.UNDONE && undoIncomplete.get());
    }

    public StringProperty exportMessageProperty() {
        return exportMessage;
    }

    public BooleanProperty exportFailedProperty() {
        return exportFailed;
    }

    /** True after an undo that left something to undo. */
    public BooleanProperty undoIncompleteProperty() {
        return undoIncomplete;
    }

    /** Undoes the run: configs back byte for byte, its deploy keys removed. */
    public void undo() {
        if (!canUndo()) {
            return;
        }
        String id = runId();
        phase.set(Phase.UNDOING);
        message.set("Undoing run " + id + "…");
        executor.submit(p -> conversion().undo(id), new TaskListener<UndoReport>() {
            @Override
            public void onSuccess(UndoReport undone) {
                undoLines.setAll(undone.lines());
                undoIncomplete.set(!undone.complete());
                // the message first: whoever sees the phase change sees what it says
                message.set(undone.complete() ? "Run " + id + " undone: every config is back as it was and its deploy keys are removed."
                        : "Run " + id + " partly undone: see the list; Undo again once fixed.");
                phase.set(Phase.UNDONE);
                onChanged.run();
            }

            @Override
            public void onFailure(Throwable error) {
                phase.set(Phase.DONE);
                message.set("Undo failed: " + error.getMessage());
            }
        });
    }

    /** Revokes a token no repository uses any more; one still in use is never revoked. */
    public void revoke(TokenRow row) {
        if (!row.canRevoke() || row.busy().get()) {
            return;
        }
        row.busy().set(true);
        executor.submit(p -> conversion().revoke(row.use()), new TaskListener<TokenCleanup.Revocation>() {
            @Override
            public void onSuccess(TokenCleanup.Revocation revocation) {
                row.busy().set(false);
                row.revoked().set(revocation.revoked());
                row.result().set(revocation.message());
            }

            @Override
            public void onFailure(Throwable error) {
                row.busy().set(false);
                row.result().set("Not revoked: " + error.getMessage());
            }
        });
    }

    /** The results as the export writes them (tokens redacted). */
    public String exportText(ExportFormat format) {
        ConversionReport r = report.get();
        return format == ExportFormat.CSV ? ConversionReportExport.csv(r)
                : ConversionReportExport.json(r, tokens.stream().map(TokenRow::use).toList());
    }

    public String exportFileName(ExportFormat format) {
        return "dkm-convert-" + runId() + "." + format.extension();
    }

    public void export(ExportFormat format, Path file) {
        if (report.get() == null) {
            return;
        }
        String text = exportText(format);
        TextFileSave.save(executor, file, text, written -> {
            exportFailed.set(false);
            exportMessage.set("Saved to " + written);
        }, why -> {
            exportFailed.set(true);
            exportMessage.set("Could not save the results: " + why);
        });
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // ---- properties

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObservableList<RepoInfo> candidates() {
        return candidates;
    }

    public IntegerProperty selectedCountProperty() {
        return selectedCount;
    }

    public ObjectProperty<KeyStrategy> keyStrategyProperty() {
        return keyStrategy;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<ConversionPreview> previewProperty() {
        return preview;
    }

    public ObservableList<ConversionItem> previewItems() {
        return previewItems;
    }

    public ObservableList<HostKeyQuestion> hostKeys() {
        return hostKeys;
    }

    /** Changes whenever a host key is ticked or unticked (for the Convert button's binding). */
    public IntegerProperty hostKeysTrustedProperty() {
        return hostKeysTrusted;
    }

    /** 0..1, or -1 while the amount is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty convertedProperty() {
        return converted;
    }

    public IntegerProperty failedProperty() {
        return failed;
    }

    public IntegerProperty finishedProperty() {
        return finished;
    }

    /** "2 converted · 0 failed · 1 remaining · about 5 s left". */
    public StringProperty countsTextProperty() {
        return countsText;
    }

    public StringProperty currentProperty() {
        return current;
    }

    public ObservableList<RepoOutcome> outcomes() {
        return outcomes;
    }

    public ObjectProperty<ConversionReport> reportProperty() {
        return report;
    }

    public ObservableList<TokenRow> tokens() {
        return tokens;
    }

    public ObservableList<String> sharedFiles() {
        return sharedFiles;
    }

    public ObservableList<String> undoLines() {
        return undoLines;
    }
}
