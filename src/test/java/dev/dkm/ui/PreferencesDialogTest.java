package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static dev.dkm.ui.DialogTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Preferences" from the main window's toolbar: change the key strategy, read-only default and thresholds, and Save
 * writes them into settings.json of a temp DKM_CONFIG_DIR (keeping the instance already there) and the session uses them;
 * a bad threshold gives one sentence and Save stays disabled; Cancel changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogTest {
    @TempDir Path tmp;
    private AppServices services;
    private TaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Map<String, String> env = Map.of("DKM_CONFIG_DIR", tmp.resolve("config").toString(),
                "DKM_DATA_DIR", tmp.resolve("data").toString(), "DKM_SSH_DIR", tmp.resolve("ssh").toString(),
                "HOME", tmp.resolve("home").toString());
        AppDirs dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of("https://gitlab.example.com")));
        services = AppServices.create(dirs, env::get, new FileTokenStore(dirs.credentialsFile(), "test"), ClientFactory.DEFAULT,
                Clock.systemUTC(), null);
        executor = TaskExecutor.background(Platform::runLater);
        MainWindowViewModel viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.inMemory(List.of()));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        view.onPreferences(() -> new PreferencesDialog(new PreferencesViewModel(() -> services, executor)).show(stage, Theme.LIGHT));
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        services.close();
    }

    @Test
    void save_writes_the_strategy_read_only_and_thresholds_into_the_settings_file(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#preferencesButton").queryButton().getTooltip().getText()).isEqualTo("Preferences");
        TestScreenshots.write(robot, stage.getScene(), "preferences-toolbar.png");
        Stage dialog = open(robot);
        TextField thresholds = robot.lookup("#thresholds").queryAs(TextField.class);
        Label problem = robot.lookup("#thresholdsProblem").queryAs(Label.class);
        Button save = robot.lookup("#savePreferences").queryButton();
        assertThat(robot.lookup("#perRepoKey").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        assertThat(problem.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn("#sharedKey");
        robot.clickOn("#readOnlyByDefault");
        retype(robot, "60, abc");
        assertThat(problem.getText()).isEqualTo("\"abc\" is not a whole number of days.");
        assertThat(problem.isVisible()).isTrue();
        assertThat(save.isDisabled()).as("a bad value keeps Save disabled").isTrue();
        retype(robot, "0");
        assertThat(problem.getText()).isEqualTo("Days must be positive: 0 is not.");
        assertThat(save.isDisabled()).isTrue();

        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> keep = robot.lookup("#runRetentionDays").queryAs(javafx.scene.control.Spinner.class);
        assertThat(keep.getValue()).as("30 days unless changed").isEqualTo(30);
        robot.interact(() -> keep.getValueFactory().setValue(7));
        retype(robot, "14, 90, 30, 14, 3");
        assertThat(problem.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();
        TestScreenshots.write(robot, dialog.getScene(), "preferences.png");

        robot.clickOn("#savePreferences");
        waitUntil(() -> !dialog.isShowing());

        Settings saved = SettingsStore.at(services.dirs()).load();
        assertThat(saved.keyStrategy()).isEqualTo(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        assertThat(saved.readOnlyByDefault()).isTrue();
        assertThat(saved.expiryThresholdDays()).containsExactly(90, 30, 14, 3);
        assertThat(saved.runRetentionDays()).isEqualTo(7);
        assertThat(saved.instance("https://gitlab.example.com")).as("the rest of the settings is kept").isPresent();
        assertThat(Files.readString(services.dirs().settingsFile())).contains("\"keyStrategy\": \"ONE_KEY_PER_ENVIRONMENT\"")
                .contains("\"readOnlyByDefault\": true");
        assertThat(services.settings()).as("the running session sees them").isEqualTo(saved);
        assertThat(services.preferences().setupOptions().sharedKey()).isTrue();

        // opened again: the saved values; Cancel leaves the file alone
        Stage again = open(robot);
        assertThat(robot.lookup("#thresholds").queryAs(TextField.class).getText()).isEqualTo("90, 30, 14, 3");
        assertThat(robot.lookup("#sharedKey").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        byte[] before = Files.readAllBytes(services.dirs().settingsFile());
        robot.clickOn("#perRepoKey");
        robot.clickOn("Cancel");
        waitUntil(() -> !again.isShowing());
        assertThat(Files.readAllBytes(services.dirs().settingsFile())).isEqualTo(before);
    }

    private Stage open(FxRobot robot) throws Exception {
        robot.clickOn("#preferencesButton");
        waitUntil(() -> DialogTests.dialog(stage).isPresent() && !robot.lookup("#thresholds").queryAs(TextField.class).getText().isEmpty()
                && !robot.lookup("#savePreferences").queryButton().isDisabled());
        return DialogTests.dialog(stage).orElseThrow();
    }

    private static void retype(FxRobot robot, String text) throws Exception {
        robot.clickOn("#thresholds");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        waitUntil(() -> true);
    }
}
