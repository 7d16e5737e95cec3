package dev.dkm.ui;

import dev.dkm.AppVersion;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.WorkspaceRootsFile;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window from {@link LaunchOptions} (see there for the flags) and, in
 * snapshot mode, writes a PNG of it and exits.
 */
public final class DkmApplication extends Application {
    private static volatile int exitCode;

    private TaskExecutor executor;

    /** The code the process should exit with once the toolkit has stopped. */
    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitWith(2);
            return;
        }
        executor = TaskExecutor.background(Platform::runLater);
        WorkspaceRootsStore roots = options.workspaces().isEmpty()
                ? WorkspaceRootsStore.of(WorkspaceRootsFile.inDefaultConfigDir())
                : WorkspaceRootsStore.inMemory(options.workspaces());
        MainWindowViewModel viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), roots);
        MainWindowView view = new MainWindowView(viewModel, FolderPicker.directoryChooser(), options.theme());
        // Snapshots are always 1280 × 800; a window on a small screen is made to fit it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = options.isSnapshot() ? view.createScene()
                : view.createScene(Math.min(MainWindowView.WIDTH, screen.getWidth() - 40),
                        Math.min(MainWindowView.HEIGHT, screen.getHeight() - 60));
        stage.setTitle("Deploy Key Manager " + AppVersion.version());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
        if (options.isSnapshot()) {
            new SnapshotMode(view, scene, options.snapshot().get(), options.select().orElse(null), this::exitWith).start();
        } else {
            viewModel.scan();
        }
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
    }
}
