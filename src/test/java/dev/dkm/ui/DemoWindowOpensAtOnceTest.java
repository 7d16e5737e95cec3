package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code deploy-key-manager --demo} opens its window at once and starts the demo (a sandbox GitLab, keys, sample
 * repositories: seconds on a first run) behind it; it used to show nothing until the demo had started
 * (bench/gui-startup-benchmark.sh: 27 s to the first frame on a loaded machine, against 4 s for a bare window).
 * The whole application, as the launcher starts it, on Monocle; its data in the build's test home.
 */
class DemoWindowOpensAtOnceTest {
    private Stage stage;

    @Test
    void the_window_is_up_before_the_demo_and_fills_in_when_the_demo_is_ready() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(DkmApplication.class, "--demo");
        try {
            // start() has returned: the window is already there, with the demo still starting behind it.
            boolean[] shown = new boolean[1];
            String[] status = new String[1];
            WaitForAsyncUtils.asyncFx(() -> {
                shown[0] = stage.isShowing() && stage.getScene() != null && stage.getScene().lookup("#repoTable") != null;
                status[0] = String.join("\n", SceneText.all(stage.getScene().getRoot()));
            }).get(10, TimeUnit.SECONDS);
            assertThat(shown[0]).as("the main window shows as soon as start() returns").isTrue();
            assertThat(stage.getTitle()).endsWith("— demo");
            assertThat(status[0]).contains("Starting the demo");

            // Then the demo's workspace is added and scanned.
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
                TableView<?> table = (TableView<?>) stage.getScene().lookup("#repoTable");
                return table != null && !table.getItems().isEmpty();
            });
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
