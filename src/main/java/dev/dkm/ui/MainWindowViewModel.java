package dev.dkm.ui;

import dev.dkm.environments.EnvironmentScan;
import dev.dkm.environments.EnvironmentSpec;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskHandle;
import dev.dkm.task.TaskListener;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State and commands of the main window, without a single node: workspace roots, the scan (run through the
 * {@link TaskExecutor}), the repositories, the filter, the counts and the selection. Works without the FX
 * toolkit, so it is tested with {@link TaskExecutor#synchronous()}.
 */
public final class MainWindowViewModel {
    /** {@link #progressProperty()} while the amount of work is not known. */
    public static final double INDETERMINATE = -1;

    private final TaskExecutor executor;
    private final RepoScan scan;
    private final WorkspaceRootsStore rootsStore;
    private final EnvironmentRepoScan environmentScan;

    private final ObservableList<Path> roots = FXCollections.observableArrayList();
    private final ObservableList<Path> rootsView = FXCollections.unmodifiableObservableList(roots);
    private final ObservableList<EnvironmentSpec> environments = FXCollections.observableArrayList();
    private final ObservableList<EnvironmentSpec> environmentsView = FXCollections.unmodifiableObservableList(environments);
    /** One line per environment the last scan could not reach ("codimd: no such account"). */
    private final ObservableList<String> environmentFailures = FXCollections.observableArrayList();
    private final ObservableList<String> environmentFailuresView = FXCollections.unmodifiableObservableList(environmentFailures);
    private final ObservableList<RepoInfo> repos = FXCollections.observableArrayList();
    private final ObservableList<RepoInfo> reposView = FXCollections.unmodifiableObservableList(repos);
    private final FilteredList<RepoInfo> visibleRepos = new FilteredList<>(repos);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<RepoQuickFilter> quickFilter =
            new SimpleObjectProperty<>(this, "quickFilter", RepoQuickFilter.ALL);
    private final ObjectProperty<RepoInfo> selectedRepo = new SimpleObjectProperty<>(this, "selectedRepo");

    private final ReadOnlyObjectWrapper<ScanState> scanState = new ReadOnlyObjectWrapper<>(this, "scanState", ScanState.NOT_SCANNED);
    private final ReadOnlyObjectWrapper<RepoSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary", RepoSummary.EMPTY);
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper rootsProblem = new ReadOnlyStringWrapper(this, "rootsProblem", "");

    /** Each row's text for the filter box, built once per scan (by identity: the rows of a new scan are new objects). */
    private final Map<RepoInfo, String> searchTexts = new IdentityHashMap<>();
    private TaskHandle runningScan;
    private boolean cancelRequested;
    private long scanStarted;

    public MainWindowViewModel(TaskExecutor executor, RepoScan scan, WorkspaceRootsStore rootsStore) {
        this(executor, scan, rootsStore, null);
    }

    /**
     * @param environmentScan scans the remembered other environments; null: this window shows this account only
     */
    public MainWindowViewModel(TaskExecutor executor, RepoScan scan, WorkspaceRootsStore rootsStore, EnvironmentRepoScan environmentScan) {
        this.executor = executor;
        this.scan = scan;
        this.rootsStore = rootsStore;
        this.environmentScan = environmentScan;
        try {
            roots.setAll(rootsStore.load());
        } catch (RuntimeException e) {
            rootsProblem.set("Could not read the remembered workspace folders: " + e.getMessage());
        }
        if (environmentScan != null) {
            try {
                for (String id : rootsStore.loadEnvironments()) {
                    try {
                        environments.add(EnvironmentSpec.parse(id));
                    } catch (IllegalArgumentException e) {
                        rootsProblem.set("Skipped a remembered environment: " + e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                rootsProblem.set("Could not read the remembered environments: " + e.getMessage());
            }
        }
        visibleRepos.predicateProperty().bind(Bindings.createObjectBinding(
                () -> combinedFilter(quickFilter.get(), filterText.get()), quickFilter, filterText));
        repos.addListener((ListChangeListener<RepoInfo>) c -> {
            searchTexts.clear(); // rebuilt on the next filtering, for the rows there are now
            updateSummary();
        });
        visibleRepos.addListener((ListChangeListener<RepoInfo>) c -> updateSummary());
        scanState.addListener((obs, old, now) -> updateSummary());
        updateSummary();
    }

    private Predicate<RepoInfo> combinedFilter(RepoQuickFilter quick, String text) {
        RepoQuickFilter q = quick == null ? RepoQuickFilter.ALL : quick;
        return q.and(RepoTextFilter.of(text, r -> searchTexts.computeIfAbsent(r, RepoTextFilter::haystack)));
    }

    // ---- workspace roots

    public ObservableList<Path> roots() {
        return rootsView;
    }

    /** Adds a root (remembered) and scans; a root already in the list only triggers the scan. */
    public void addRoot(Path root) {
        Path normalized = root.toAbsolutePath().normalize();
        if (!roots.contains(normalized)) {
            roots.add(normalized);
            saveRoots();
        }
        scan();
    }

    /**
     * The path the table shows: relative to its root, prefixed with the root's folder name when there are
     * several roots (two roots may both hold an {@code api}).
     */
    public String displayPath(RepoInfo repo) {
        Path rootName = repo.root().getFileName();
        if (roots.size() <= 1 || rootName == null) {
            return repo.relativePath();
        }
        return ".".equals(repo.relativePath()) ? rootName.toString() : rootName + "/" + repo.relativePath();
    }

    /** A folder that cannot be remembered is still scanned now; {@link #rootsProblemProperty()} says why. */
    private void saveRoots() {
        try {
            rootsStore.save(List.copyOf(roots));
            rootsProblem.set("");
        } catch (RuntimeException e) {
            rootsProblem.set("Could not remember the workspace folders: " + e.getMessage());
        }
    }

    /** Forgets a root and drops its repositories from the table (no rescan needed). */
    public void removeRoot(Path root) {
        if (roots.remove(root)) {
            saveRoots();
            repos.removeIf(r -> root.equals(r.root()));
            if (selectedRepo.get() != null && root.equals(selectedRepo.get().root())) {
                selectedRepo.set(null);
            }
        }
    }

    // ---- environments

    /** The other environments scanned besides this account's roots, in the order they were added. */
    public ObservableList<EnvironmentSpec> environments() {
        return environmentsView;
    }

    /** Whether this window can scan other environments at all (the "Add environment…" button shows only then). */
    public boolean supportsEnvironments() {
        return environmentScan != null;
    }

    /**
     * Adds an environment from what the user typed: a local account name, or a command template when
     * {@code command} is set; remembered, then scanned. Returns why it was refused, or empty when it was added.
     */
    public String addEnvironment(String text, boolean command) {
        if (environmentScan == null) {
            return "This window scans this account only.";
        }
        EnvironmentSpec spec;
        try {
            spec = command ? EnvironmentSpec.command(text) : EnvironmentSpec.account(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!environments.contains(spec)) {
            environments.add(spec);
            saveEnvironments();
        }
        scan();
        return "";
    }

    /** Forgets an environment and drops its repositories from the table. */
    public void removeEnvironment(EnvironmentSpec spec) {
        if (environments.remove(spec)) {
            saveEnvironments();
            repos.removeIf(r -> spec.id().equals(r.environment()));
            environmentFailures.removeIf(line -> line.startsWith(spec.id() + ": "));
            if (selectedRepo.get() != null && spec.id().equals(selectedRepo.get().environment())) {
                selectedRepo.set(null);
            }
        }
    }

    private void saveEnvironments() {
        try {
            rootsStore.saveEnvironments(environments.stream().map(EnvironmentSpec::id).toList());
            rootsProblem.set("");
        } catch (RuntimeException e) {
            rootsProblem.set("Could not remember the environments: " + e.getMessage());
        }
    }

    /** Environments the last scan could not reach, one line each with its reason; the rest of the scan went on. */
    public ObservableList<String> environmentFailures() {
        return environmentFailuresView;
    }

    /** The Environment column: empty for this account's repositories, else the environment's id. */
    public static String environmentLabel(RepoInfo repo) {
        return repo.environment() == null ? "" : repo.environment();
    }

    // ---- scan

    public boolean canScan() {
        return (!roots.isEmpty() || !environments.isEmpty()) && scanState.get() != ScanState.SCANNING;
    }

    /** Scans every root in the background; does nothing while a scan runs or when there is no root. */
    public void scan() {
        if (!canScan()) {
            return;
        }
        List<Path> toScan = List.copyOf(roots);
        List<EnvironmentSpec> envs = List.copyOf(environments);
        scanState.set(ScanState.SCANNING);
        progress.set(INDETERMINATE);
        String what = toScan.isEmpty() ? "" : toScan.size() == 1 ? toScan.get(0).toString() : toScan.size() + " folders";
        if (!envs.isEmpty()) {
            what += (what.isEmpty() ? "" : " and ") + envs.size() + (envs.size() == 1 ? " environment" : " environments");
        }
        statusMessage.set("Scanning " + what + "…");
        cancelRequested = false;
        scanStarted = System.nanoTime();
        TaskHandle handle = executor.submit(p -> scanAll(toScan, envs, p), new ScanListener());
        // A synchronous executor has finished the scan by now; only a running one can be cancelled.
        runningScan = scanState.get() == ScanState.SCANNING ? handle : null;
    }

    /** The progress message of the environments' part of a scan, whose counts are environments, not repositories. */
    private static final String ENVIRONMENTS_PROGRESS = "environments";

    /** What one scan found: this account's roots, then each environment's; the failed environments as lines. */
    private record Found(List<RepoInfo> repos, List<String> failures) {
    }

    /** On the worker thread: this account's roots as before, then every environment (one failing does not stop the rest). */
    private Found scanAll(List<Path> toScan, List<EnvironmentSpec> envs, dev.dkm.task.Progress p) {
        List<RepoInfo> all = new ArrayList<>(toScan.isEmpty() ? List.of() : scan.scan(toScan, p));
        List<String> failures = new ArrayList<>();
        if (!envs.isEmpty() && environmentScan != null && !p.isCancelled()) {
            dev.dkm.task.Progress perEnvironment = new dev.dkm.task.Progress() {
                @Override
                public void update(long done, long total, String message) {
                    p.update(done, total, ENVIRONMENTS_PROGRESS);
                }

                @Override
                public boolean isCancelled() {
                    return p.isCancelled();
                }
            };
            for (EnvironmentScan.Result r : environmentScan.scan(envs, perEnvironment)) {
                if (r.failed()) {
                    failures.add(r.environment() + ": " + dev.dkm.remote.UrlRedactor.redact(r.failure()));
                }
                all.addAll(r.repos());
            }
        }
        return new Found(all, failures);
    }

    /** Callbacks of the one scan that can run at a time ({@link #scan()} refuses while one runs). */
    private final class ScanListener implements TaskListener<Found> {
        @Override
        public void onProgress(long done, long total, String message) {
            if (scanState.get() == ScanState.SCANNING && !cancelRequested) {
                progress.set(total > 0 ? (double) done / total : INDETERMINATE);
                statusMessage.set(ENVIRONMENTS_PROGRESS.equals(message)
                        ? "Scanning… " + done + " of " + total + " environments done"
                        : "Scanning… " + done + (done == 1 ? " repository" : " repositories") + " found");
            }
        }

        @Override
        public void onSuccess(Found found) {
            List<RepoInfo> result = found.repos();
            environmentFailures.setAll(found.failures());
            String failed = found.failures().isEmpty() ? ""
                    : " · " + (found.failures().size() == 1 ? "could not scan " + found.failures().get(0)
                            : found.failures().size() + " environments could not be scanned");
            if (cancelRequested) {
                finish(result, ScanState.CANCELLED, "Scan cancelled: showing the " + result.size() + " found so far" + failed);
            } else {
                finish(result, ScanState.DONE, "Scanned in " + String.format(Locale.ROOT, "%.1f s", seconds()) + failed);
            }
        }

        @Override
        public void onFailure(Throwable error) {
            finish(null, ScanState.FAILED, "Scan failed: " + error.getMessage());
        }

        @Override
        public void onCancelled() {
            finish(null, ScanState.CANCELLED, "Scan cancelled");
        }
    }

    private double seconds() {
        return (System.nanoTime() - scanStarted) / 1e9;
    }

    private void finish(List<RepoInfo> result, ScanState state, String message) {
        runningScan = null;
        if (result != null) {
            RepoInfo selected = selectedRepo.get();
            // An environment removed while the scan ran does not come back with its rows.
            List<String> kept = environments.stream().map(EnvironmentSpec::id).toList();
            result = result.stream().filter(r -> r.environment() == null || kept.contains(r.environment())).toList();
            environmentFailures.removeIf(line -> kept.stream().noneMatch(id -> line.startsWith(id + ": ")));
            repos.setAll(result);
            selectedRepo.set(selected == null ? null
                    : result.stream().filter(r -> r.path().equals(selected.path())).findFirst().orElse(null));
        }
        progress.set(0);
        statusMessage.set(message);
        scanState.set(state);
    }

    /** Shows {@code message} where the scan reports, until the next scan does (e.g. while the demo starts). */
    public void announce(String message) {
        statusMessage.set(message);
    }

    /** Asks the running scan to stop; it ends with what it found so far. */
    public void cancelScan() {
        if (runningScan != null) {
            cancelRequested = true;
            runningScan.cancel();
            statusMessage.set("Cancelling…");
        }
    }

    // ---- table, filter, selection

    /** All scanned repositories. */
    public ObservableList<RepoInfo> repos() {
        return reposView;
    }

    /** The repositories that pass the filter box and the quick filter. */
    public ObservableList<RepoInfo> visibleRepos() {
        return visibleRepos;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<RepoQuickFilter> quickFilterProperty() {
        return quickFilter;
    }

    public ObjectProperty<RepoInfo> selectedRepoProperty() {
        return selectedRepo;
    }

    private void updateSummary() {
        RepoSummary counts = RepoSummary.of(repos);
        summary.set(counts);
        String text = counts.text();
        if (visibleRepos.size() != repos.size()) {
            text = visibleRepos.size() + " of " + text;
        }
        summaryText.set(repos.isEmpty() && !hasScanned() ? "" : text);
    }

    /** How many scanned repositories a quick filter lets through (ignoring the filter box). */
    public long count(RepoQuickFilter filter) {
        return repos.stream().filter(filter).count();
    }

    /** The quick filter as the choice box shows it: with its count once something was scanned. */
    public String quickFilterLabel(RepoQuickFilter filter) {
        return hasScanned() ? filter.label() + " (" + count(filter) + ")" : filter.label();
    }

    /** A scan has finished at least once, or there are rows from one. */
    public boolean hasScanned() {
        return !repos.isEmpty() || scanState.get().isFinished();
    }

    // ---- read-only state

    public ReadOnlyObjectProperty<ScanState> scanStateProperty() {
        return scanState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RepoSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening or what just went wrong, one line; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Why the workspace folders could not be read or remembered; empty when all is well. */
    public ReadOnlyStringProperty rootsProblemProperty() {
        return rootsProblem.getReadOnlyProperty();
    }
}
