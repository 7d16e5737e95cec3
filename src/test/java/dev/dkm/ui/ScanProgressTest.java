package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A scan that takes its time: the window stays usable, shows progress, and Cancel stops it. */
@ExtendWith(ApplicationExtension.class)
class ScanProgressTest {
    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        executor = TaskExecutor.background(Platform::runLater);
        List<RepoInfo> all = SampleRepos.everyStatus();
        viewModel = new MainWindowViewModel(executor, (roots, progress) -> {
            List<RepoInfo> found = new ArrayList<>();
            for (RepoInfo repo : all) {
                if (progress.isCancelled()) {
                    break;
                }
                found.add(repo);
                progress.update(found.size(), all.size(), repo.path().toString());
                if (found.size() == 4) {
                    while (!progress.isCancelled()) {
                        LockSupport.parkNanos(5_000_000); // wait for Cancel without burning a shared CPU
                    }
                }
            }
            return found;
        }, WorkspaceRootsStore.inMemory(List.of(SampleRepos.ROOT)));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        scene = view.createScene();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void progress_is_shown_the_window_stays_usable_and_cancel_stops_the_scan(FxRobot robot) throws Exception {
        robot.clickOn("#scanButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> viewModel.statusMessageProperty().get().equals("Scanning… 4 repositories found"));
        WaitForAsyncUtils.waitForFxEvents();

        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getProgress()).isCloseTo(4.0 / 11, org.assertj.core.data.Offset.offset(0.001));
        assertThat(robot.lookup("#scanButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#filterField").write("typing while scanning");
        TestScreenshots.write(robot, scene, "scanning.png");

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.scanStateProperty().get() == ScanState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.repos()).hasSize(4);
        assertThat(bar.isVisible()).isFalse();
        assertThat(robot.lookup("#cancelButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#scanButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#statusMessageLabel").queryLabeled().getText())
                .isEqualTo("Scan cancelled: showing the 4 found so far");
    }
}
