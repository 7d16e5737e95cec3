package dev.dkm.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * {@code gui --snapshot OUT.png}: waits for the scan to finish (if there is anything to scan), optionally selects
 * a repository, lets the scene settle, writes the PNG and reports an exit code (0 written, 1 failed).
 */
final class SnapshotMode {
    private static final Duration SETTLE = Duration.millis(400);

    private final MainWindowView view;
    private final Scene scene;
    private final Path output;
    private final String select;
    private final IntConsumer exit;
    private ObservableBooleanValue busy;

    SnapshotMode(MainWindowView view, Scene scene, Path output, String select, IntConsumer exit) {
        this.view = view;
        this.scene = scene;
        this.output = output;
        this.select = select;
        this.exit = exit;
    }

    /** Also waits, after the scan, until {@code work} (e.g. the GitLab lookup that follows it) is no longer busy. */
    SnapshotMode alsoWaitFor(ObservableBooleanValue work) {
        this.busy = work;
        return this;
    }

    void start() {
        MainWindowViewModel vm = view.viewModel();
        if (vm.roots().isEmpty()) {
            settleThenWrite();
            return;
        }
        ChangeListener<ScanState> onFinished = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends ScanState> obs, ScanState old, ScanState now) {
                if (now.isFinished()) {
                    vm.scanStateProperty().removeListener(this);
                    selectRequested(vm);
                    settleThenWrite();
                }
            }
        };
        vm.scanStateProperty().addListener(onFinished);
        vm.scan();
    }

    private void selectRequested(MainWindowViewModel vm) {
        if (select == null) {
            return;
        }
        String wanted = select.toLowerCase(Locale.ROOT);
        vm.visibleRepos().stream()
                .filter(r -> r.path().toString().toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst()
                .ifPresent(vm.selectedRepoProperty()::set);
    }

    private void settleThenWrite() {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> {
            if (busy != null && busy.get()) {
                busy.addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                        if (!now) {
                            busy.removeListener(this);
                            settleThenWrite();
                        }
                    }
                });
                return;
            }
            write();
        });
        pause.play();
    }

    private void write() {
        try {
            SceneSnapshot.writePng(scene, output);
            System.out.println("Snapshot written to " + output.toAbsolutePath());
            exit.accept(0);
        } catch (Exception e) {
            System.err.println("Could not write the snapshot to " + output + ": " + e.getMessage());
            exit.accept(1);
        }
    }
}
