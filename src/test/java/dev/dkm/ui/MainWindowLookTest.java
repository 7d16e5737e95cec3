package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the window with one repository of every status, in both themes, to {@code target/screenshots/} — for
 * people to look at after a change to the view or the CSS — and checks that the badges got their theme colours.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLookTest {
    private MainWindowView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        MainWindowViewModel vm = new MainWindowViewModel(TaskExecutor.synchronous(),
                (roots, progress) -> SampleRepos.everyStatus(), WorkspaceRootsStore.inMemory(List.of(SampleRepos.ROOT)));
        view = new MainWindowView(vm, owner -> Optional.empty(), Theme.LIGHT);
        scene = view.createScene();
        stage.setScene(scene);
        stage.show();
        vm.scan();
        vm.selectedRepoProperty().set(vm.repos().get(0));
    }

    @AfterEach
    void backToLight() {
        ThemeStyles.apply(Theme.LIGHT);
    }

    @Test
    void every_status_in_light_and_dark(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dkm-badge-danger").queryAllAs(Label.class))
                .allSatisfy(badge -> assertThat(badge.getBackground()).isNotNull());
        assertThat(TestScreenshots.write(robot, scene, "sample-light.png")).isNotEmptyFile();
        // The toolbar's and filter bar's tooltips are installed once the first frame is out.
        assertThat(robot.lookup("#themeButton").queryAs(javafx.scene.control.Control.class).getTooltip().getText())
                .isEqualTo("Switch between light and dark theme");
        assertThat(robot.lookup("#convertToSsh").queryAs(javafx.scene.control.Control.class).getTooltip()).isNotNull();
        assertThat(robot.lookup("#quickFilterBox").queryAs(javafx.scene.control.Control.class).getTooltip().getText())
                .isEqualTo("Show only repositories with this status");

        robot.clickOn("#themeButton");
        robot.interact(() -> view.viewModel().selectedRepoProperty().set(view.viewModel().repos().get(4)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(TestScreenshots.write(robot, scene, "sample-dark.png")).isNotEmptyFile();
    }
}
