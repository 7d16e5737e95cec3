package dev.dkm.ui;

import dev.dkm.AppVersion;
import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import dev.dkm.app.WorkspaceRoots;
import dev.dkm.app.DemoEnvironment;
import dev.dkm.settings.AppDirs;
import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.task.BackgroundTask;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.workspace.RepoInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window from {@link LaunchOptions} (see there for the flags) and, in
 * snapshot mode, writes a PNG of it and exits. A first run with no GitLab configured offers the demo.
 */
public final class DkmApplication extends Application {
    private static volatile int exitCode;

    private TaskExecutor executor;
    private LaunchOptions options;
    private Stage stage;
    private Supplier<AppServices> services;
    private volatile DemoEnvironment demo;
    private TokensView tokensView;
    /** The main window's last finished scan: the Tokens tab collects from it instead of scanning the disk again. */
    private volatile List<RepoInfo> lastScan = List.of();

    /** The code the process should exit with once the toolkit has stopped. */
    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage primaryStage) {
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitWith(2);
            return;
        }
        // Before the first control: a control's class initialisation loads JavaFX's own Modena stylesheet when no
        // user-agent stylesheet is set yet (a fifth of the FX thread's work before the first frame under java -jar,
        // JFR), for a stylesheet the window never uses.
        ThemeStyles.apply(options.theme());
        stage = primaryStage;
        executor = TaskExecutor.background(Platform::runLater);
        // Opening the credential store may probe the OS keyring: built on first use, which is on a worker thread.
        services = memoize(() -> AppServices.system(Clock.systemUTC()));
        stage.setTitle("Deploy Key Manager " + AppVersion.version());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (options.demo()) {
            if (options.isSnapshot()) {
                startDemo(); // the snapshot is of the demo's workspace, scanned: the window waits for it
            } else {
                openOnDemo();
            }
            return;
        }
        WorkspaceRootsStore roots = options.workspaces().isEmpty()
                ? WorkspaceRootsStore.of(new WorkspaceRoots(AppDirs.system()))
                : WorkspaceRootsStore.inMemory(options.workspaces());
        boolean offerDemo = !AppServices.hasConfiguredInstance(AppDirs.system(), System::getenv);
        showMainWindow(roots, services, offerDemo);
    }

    private MainWindowView showMainWindow(WorkspaceRootsStore roots, Supplier<AppServices> sessionServices, boolean offerDemo) {
        MainWindowViewModel viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), roots,
                EnvironmentRepoScan.over(() -> sessionServices.get().environments()));
        MainWindowView view = new MainWindowView(viewModel, FolderPicker.directoryChooser(), options.theme());
        view.onSetUpDeployKey(repo -> openSetupDialog(repo, view, sessionServices));
        DeployKeysSection deployKeys = DeployKeysSection.addTo(view.details(), () -> new ProjectDeployKeys(sessionServices.get().connections()), executor);
        view.onConvertToSsh(() -> openConvertDialog(view, sessionServices));
        view.onPreferences(() -> openPreferences(view, sessionServices));
        if (offerDemo) {
            view.onTryDemo(this::startDemo);
        }
        addTokensTab(view, sessionServices);
        ServerStatusModel serverStatus = addServerStatus(view, sessionServices);
        // Snapshots are always 1280 × 800; a window on a small screen is made to fit it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = options.isSnapshot() ? view.createScene()
                : view.createScene(Math.min(MainWindowView.WIDTH, screen.getWidth() - 40),
                        Math.min(MainWindowView.HEIGHT, screen.getHeight() - 60));
        stage.setScene(scene);
        stage.show();
        FirstFrameProbe.install(scene);
        if (options.isSnapshot()) {
            new SnapshotMode(view, scene, options.snapshot().get(), options.select().orElse(null), this::exitWith)
                    .alsoWaitFor(javafx.beans.binding.Bindings.or(serverStatus.busyProperty(), deployKeys.busyProperty())).start();
        } else {
            viewModel.scan();
        }
        return view;
    }

    /** The "GitLab" column and details section after each scan, and the "GitLab instances" dialog. */
    private ServerStatusModel addServerStatus(MainWindowView view, Supplier<AppServices> sessionServices) {
        MainWindowViewModel viewModel = view.viewModel();
        ServerStatusModel serverStatus = new ServerStatusModel(executor,
                (repos, progress) -> sessionServices.get().serverKeyStatus().lookup(repos, progress)).follow(viewModel);
        InstancesViewModel instances = new InstancesViewModel(sessionServices, executor, url -> serverStatus.refresh(viewModel.repos()));
        // The remote's real scheme, host and port (http://127.0.0.1:8080 stays that, not https://127.0.0.1).
        view.showServerStatus(serverStatus, url ->
                new InstancesDialog(instances, CaFilePicker.fileChooser()).showForm(stage, view.themeProperty().get(), url));
        view.onManageInstances(() -> new InstancesDialog(instances, CaFilePicker.fileChooser()).show(stage, view.themeProperty().get()));
        return serverStatus;
    }

    /**
     * Builds the tokens dashboard off the FX thread (it opens the credential store), then adds its tab; it collects
     * after every finished scan of the window, from that scan's repositories.
     */
    private void addTokensTab(MainWindowView view, Supplier<AppServices> sessionServices) {
        executor.submit(p -> tokensServices(sessionServices.get(), () -> lastScan), new TaskListener<TokensServices>() {
            @Override
            public void onSuccess(TokensServices tokens) {
                tokensView = new TokensView(tokens, executor);
                AttentionBadge.show(view.addTab("Tokens", tokensView), tokensView.attentionCountProperty());
                if (!options.isSnapshot()) {
                    tokensView.setOnFirstCollection(() -> ExpiryNotifier.notify(tokensView.alerts(), java.time.LocalDate.now()));
                }
                MainWindowViewModel window = view.viewModel();
                window.scanStateProperty().addListener((obs, old, now) -> {
                    if (now == ScanState.DONE) {
                        collectFrom(window);
                    }
                });
                if (window.roots().isEmpty() || window.scanStateProperty().get() == ScanState.DONE) {
                    collectFrom(window); // no scan is coming (no folder yet), or it finished before the tab was ready
                }
            }

            @Override
            public void onFailure(Throwable error) {
                System.err.println("The tokens dashboard is not available: " + error.getMessage());
            }
        });
    }

    private void collectFrom(MainWindowViewModel window) {
        lastScan = List.copyOf(window.repos());
        tokensView.refresh();
    }

    /**
     * The dashboard's use cases over {@link TokenManagement}, the same one {@code dkm tokens | deploy-token} use: each
     * looks the instance up when it runs (the wizard follows the instances as they are now, not as they were at start).
     */
    static TokensServices tokensServices(AppServices services, Supplier<List<RepoInfo>> repos) {
        TokenManagement tokens = new TokenManagement(services);
        return new TokensServices(
                collectCredentials(tokens, repos, false),
                tokens.creation(),
                tokens::rotation,
                () -> registryOf(tokens),
                () -> services.settings().expiryThresholdDays(), // Preferences may change them
                collectCredentials(tokens, repos, true));
    }

    /** Docker's login for the registry of the instance deploy tokens are created on, when it has one. */
    private static RegistryTarget registryOf(TokenManagement tokens) {
        try {
            String registry = tokens.registryHost();
            return registry == null ? null : tokens.docker(registry);
        } catch (RuntimeException e) {
            return null; // no instance (or no token) now: the wizard says so when it creates
        }
    }

    /** The connections are looked up again on each refresh: an instance added meanwhile is collected too. */
    private static BackgroundTask<CollectionResult> collectCredentials(TokenManagement tokens, Supplier<List<RepoInfo>> repos,
            boolean inspectUrlTokens) {
        return progress -> tokens.collect(repos.get(), inspectUrlTokens, progress);
    }

    private void openSetupDialog(RepoInfo repo, MainWindowView view, Supplier<AppServices> sessionServices) {
        withKeyDefaults(sessionServices, defaults -> {
            SetupDialogViewModel model = SetupDialogViewModel.forWindow(repo, sessionServices, executor, Platform::runLater)
                    .startWith(defaults);
            new SetupDialog(model).onFinished(view.viewModel()::scan).show(stage, view.themeProperty().get());
        });
    }

    /** "Convert to SSH…" over what the main window scanned; the window rescans after a run or an undo. */
    private void openConvertDialog(MainWindowView view, Supplier<AppServices> sessionServices) {
        MainWindowViewModel main = view.viewModel();
        ConvertDialogViewModel opened = ConvertDialogViewModel.overWindow(main, sessionServices, executor, Platform::runLater);
        withKeyDefaults(sessionServices, defaults -> {
            ConvertDialogViewModel model = opened.startWith(defaults);
            new ConvertDialog(model, SaveFilePicker.fileChooser()).onChanged(main::scan).show(stage);
        });
    }

    /** The settings' key strategy and read-only default, read off the FX thread (the session may still be opening). */
    private void withKeyDefaults(Supplier<AppServices> sessionServices, Consumer<SetupOptions> open) {
        executor.submit(p -> sessionServices.get().preferences().setupOptions(), new TaskListener<SetupOptions>() {
            @Override
            public void onSuccess(SetupOptions defaults) {
                open.accept(defaults);
            }

            @Override
            public void onFailure(Throwable error) {
                open.accept(SetupOptions.defaults());
            }
        });
    }

    /** "Preferences": saved defaults apply to the next dialog, and the Tokens tab counts with the new thresholds. */
    private void openPreferences(MainWindowView view, Supplier<AppServices> sessionServices) {
        PreferencesViewModel model = new PreferencesViewModel(sessionServices, executor).onSaved(saved -> {
            if (tokensView != null) {
                tokensView.thresholdsChanged();
            }
        });
        new PreferencesDialog(model).show(stage, view.themeProperty().get());
    }

    /** Starts the sandbox GitLab and the sample workspace, then shows them; the sandbox stops with the app. */
    /**
     * {@code --demo}: the window opens at once, and the demo (a sandbox GitLab, keys and sample repositories, which
     * takes seconds on a first run) starts behind it once the window's first frame is out; its workspace is added and scanned when it is ready. Until
     * then, what needs the demo's GitLab waits for it on a worker thread.
     */
    private void openOnDemo() {
        CompletableFuture<DemoEnvironment> pending = new CompletableFuture<>();
        MainWindowView view = showMainWindow(WorkspaceRootsStore.inMemory(List.of()), () -> pending.join().services(), false);
        stage.setTitle("Deploy Key Manager " + AppVersion.version() + " — demo");
        view.viewModel().announce("Starting the demo: a local GitLab sandbox and sample repositories…");
        // After the first frame: on a small machine the demo's set-up would otherwise take the cores the window needs.
        FirstFrameProbe.afterFirstFrame(stage.getScene(), () -> executor.submit(p -> DemoEnvironment.start(AppDirs.system().dataDir().resolve("demo"), System::getenv, Clock.systemUTC()),
                new TaskListener<DemoEnvironment>() {
                    @Override
                    public void onSuccess(DemoEnvironment started) {
                        demo = started;
                        pending.complete(started);
                        view.viewModel().addRoot(started.workspace());
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        pending.completeExceptionally(error);
                        view.viewModel().announce("The demo could not start: " + error.getMessage());
                        new Alert(Alert.AlertType.ERROR, "The demo could not start: " + error.getMessage()).show();
                    }
                }));
    }

    private void startDemo() {
        stage.setTitle("Deploy Key Manager " + AppVersion.version() + " — demo");
        executor.submit(p -> DemoEnvironment.start(AppDirs.system().dataDir().resolve("demo"), System::getenv, Clock.systemUTC()),
                new TaskListener<DemoEnvironment>() {
                    @Override
                    public void onSuccess(DemoEnvironment started) {
                        demo = started;
                        showMainWindow(WorkspaceRootsStore.inMemory(List.of(started.workspace())), started::services, false);
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        if (options.isSnapshot()) {
                            System.err.println("The demo could not start: " + error.getMessage());
                            exitWith(1);
                            return;
                        }
                        new Alert(Alert.AlertType.ERROR, "The demo could not start: " + error.getMessage()).show();
                    }
                });
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private void exitWith(int code) {
        exitCode = code;
        Platform.exit();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (demo != null) {
            demo.close();
        }
    }
}
