package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.SettingsStore;
import dev.dkm.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "GitLab instances" dialog against the sandbox GitLab: the first-connection form tests a token (user, version,
 * scopes, expiry), Save stores it in the 0600 token file of a temp config dir and lists the instance; a bad token
 * gets one sentence. The token never appears in the scene.
 */
@ExtendWith(ApplicationExtension.class)
class InstancesDialogTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static AppDirs dirs;
    static FileTokenStore tokens;
    static AppServices services;

    private TaskExecutor executor;
    private Stage dialog;
    private final List<String> changed = new ArrayList<>();

    @BeforeAll
    static void sandbox() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        Map<String, String> env = Map.of("DKM_CONFIG_DIR", tmp.resolve("config").toString(),
                "DKM_DATA_DIR", tmp.resolve("data").toString(), "DKM_SSH_DIR", tmp.resolve("ssh").toString(),
                "HOME", tmp.resolve("home").toString());
        dirs = AppDirs.of(env, tmp.toString());
        tokens = new FileTokenStore(dirs.credentialsFile(), "no keyring in tests");
        services = AppServices.create(dirs, env::get, tokens, ClientFactory.DEFAULT, Clock.systemUTC(), null);
    }

    @AfterAll
    static void stop() {
        services.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        executor = TaskExecutor.background(Platform::runLater);
        stage.setScene(new Scene(new Label("main window"), 300, 200));
        stage.show();
        InstancesViewModel model = new InstancesViewModel(() -> services, executor, changed::add);
        dialog = new InstancesDialog(model, owner -> Optional.empty()).show(stage, Theme.LIGHT);
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void test_shows_user_version_scopes_and_expiry_then_save_stores_the_token_and_lists_the_instance(FxRobot robot) throws Exception {
        String token = server.maintainerToken();
        fillForm(robot, server.url(), token);
        robot.clickOn("#testConnection");
        waitUntil(() -> texts().stream().anyMatch(t -> t.startsWith("@maria")));
        List<String> tested = texts();
        assertThat(tested).contains("User", "GitLab", "Scopes", "Expires");
        assertThat(tested).anySatisfy(t -> assertThat(t).matches("\\d+\\.\\d+\\.\\d+.*"));
        assertThat(tested).anySatisfy(t -> assertThat(t).contains("api"));
        assertThat(tested).anySatisfy(t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(tested).anySatisfy(t -> assertThat(t).startsWith("Connected to " + server.url()).contains("(0600)"));
        assertThat(tokens.read(server.url())).as("Test stores nothing").isEmpty();
        assertThat(tested).noneSatisfy(t -> assertThat(t).contains(token));
        assertThat(robot.lookup("#instanceToken").queryAs(PasswordField.class).getText()).isEmpty();
        TestScreenshots.write(robot, dialog.getScene(), "instance-dialog.png");

        robot.clickOn("#saveInstance");
        waitUntil(() -> robot.lookup("#instance-row").tryQuery().isPresent() && !changed.isEmpty());

        assertThat(tokens.read(server.url()).orElseThrow().reveal()).isEqualTo(token);
        assertThat(SettingsStore.at(dirs).load().instance(server.url())).isPresent();
        assertThat(Files.readString(dirs.settingsFile())).doesNotContain(token);
        List<String> listed = texts();
        assertThat(listed).contains(server.url(), "@maria", "file (0600)");
        assertThat(listed).anySatisfy(t -> assertThat(t).startsWith("Saved " + server.url() + ": the token is stored in file "));
        assertThat(listed).anySatisfy(t -> assertThat(t).contains("· expires "));
        assertThat(listed).noneSatisfy(t -> assertThat(t).contains(token));
        assertThat(changed).containsExactly(server.url());
        assertThat(services.serverKeyStatus()).isNotNull();
        assertThat(services.connections().forInstance(server.url())).as("the session sees the new instance").isPresent();

        robot.clickOn("Remove");
        waitUntil(() -> robot.lookup("#instance-row").tryQuery().isEmpty() && changed.size() == 2);
        assertThat(tokens.read(server.url())).isEmpty();
        assertThat(SettingsStore.at(dirs).load().instance(server.url())).isEmpty();
    }

    @Test
    void a_bad_token_gets_one_sentence_and_nothing_is_stored(FxRobot robot) throws Exception {
        String bad = "glpat-NotATokenOfThisSandbox42";
        fillForm(robot, server.url(), bad);
        robot.clickOn("#testConnection");
        Label message = robot.lookup("#instanceMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().startsWith("GitLab"));

        assertThat(message.getText()).isEqualTo("GitLab answered 401 for " + server.url()
                + ": the token is missing or unknown to this instance; log in again with a valid token.");
        assertThat(texts()).noneSatisfy(t -> assertThat(t).contains(bad));
        assertThat(texts()).doesNotContain("User");
        robot.clickOn("#saveInstance");
        waitUntil(() -> message.getText().startsWith("GitLab answered 401"));
        assertThat(tokens.read(server.url())).isEmpty();
        assertThat(robot.lookup("#instance-row").tryQuery()).isEmpty();
    }

    private void fillForm(FxRobot robot, String url, String token) throws Exception {
        waitUntil(() -> robot.lookup("#addInstance").tryQuery().isPresent());
        robot.clickOn("#addInstance");
        TextField urlField = robot.lookup("#instanceUrl").queryAs(TextField.class);
        robot.interact(urlField::clear);
        robot.clickOn(urlField).write(url);
        robot.clickOn("#instanceToken").write(token);
        assertThat(urlField.getText()).isEqualTo(url);
    }

    private List<String> texts() {
        return SceneText.all(dialog.getScene().getRoot());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
