package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.WorkspaceRoots;
import dev.dkm.environments.EnvironmentSpec;
import dev.dkm.environments.Environments;
import dev.dkm.environments.ThrowawayAccounts;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.Theme;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The window scanning another real local account (useradd, made runnable as it like EnvironmentScanTest does) besides
 * this account's folder: that account's repository shows with its environment, the filter finds it by the account's
 * name, an account that does not exist is one notice with its reason while the rest is shown, and the environment is
 * remembered in the settings.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowEnvironmentsTest {
    static final ThrowawayAccounts accounts = new ThrowawayAccounts();
    static String account;

    @TempDir
    Path temp;

    private Environments environments;
    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private WorkspaceRoots settings;

    @BeforeAll
    static void account() throws Exception {
        System.setProperty("dkm.helper.classpath", dev.dkm.testsupport.LocalAccounts.readableClasspath());
        account = accounts.create("u");
        ThrowawayAccounts.as(account, "mkdir -p src/site && cd src/site && git init -q"
                + " && git remote add origin git@gitlab.example.com:team/site.git").assertOk();
    }

    @AfterAll
    static void remove() throws Exception {
        accounts.close();
        System.clearProperty("dkm.helper.classpath");
    }

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = GitFixture.sampleWorkspace(temp.resolve("ws"));
        settings = new WorkspaceRoots(AppDirs.of(Map.of("DKM_CONFIG_DIR", temp.resolve("config").toString()), temp.toString()));
        settings.save(List.of(workspace));
        environments = Environments.forThisProcess();
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.of(settings),
                EnvironmentRepoScan.over(() -> environments));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.of(workspace), Theme.LIGHT);
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        environments.close();
    }

    @Test
    void an_added_account_is_scanned_by_its_helper_and_shown_with_its_environment(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#addEnvironmentButton").queryAs(Button.class).getText()).isEqualTo("Add environment…");
        TableView<RepoInfo> table = robot.lookup("#repoTable").queryTableView();
        TableColumn<?, ?> column = table.getColumns().stream().filter(c -> "environmentColumn".equals(c.getId())).findFirst().orElseThrow();
        assertThat(column.isVisible()).as("no environment yet: no column").isFalse();

        String missing = "dkmt15nosuch";
        robot.interact(() -> assertThat(viewModel.addEnvironment("not a name!", false)).contains("not an account name"));
        robot.interact(() -> assertThat(viewModel.addEnvironment(account, false)).isEmpty());
        waitForScan();
        robot.interact(() -> assertThat(viewModel.addEnvironment(missing, false)).isEmpty());
        waitForScan();

        assertThat(column.isVisible()).isTrue();
        assertThat(column.getText()).isEqualTo("Environment");
        RepoInfo theirs = table.getItems().stream().filter(r -> account.equals(r.environment())).findFirst().orElseThrow();
        assertThat(theirs.path()).isEqualTo(Path.of("/home", account, "src/site"));
        assertThat(theirs.status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
        assertThat(column.getCellData(table.getItems().indexOf(theirs))).isEqualTo(account);
        // this account's own repositories are all still there, without an environment
        assertThat(table.getItems().stream().filter(r -> r.environment() == null).map(RepoInfo::relativePath).toList())
                .containsExactlyInAnyOrder("group/app", "group/web", "lonely", "plain");
        assertThat(SceneText.all(table)).contains(account, "this account");

        // the details pane says where the selected repository lives
        robot.interact(() -> viewModel.selectedRepoProperty().set(theirs));
        List<String> details = SceneText.all(robot.lookup(".dkm-details").query());
        assertThat(details).containsSubsequence("Environment", account, "Layout");
        RepoInfo ours = table.getItems().stream().filter(r -> "group/app".equals(r.relativePath())).findFirst().orElseThrow();
        robot.interact(() -> viewModel.selectedRepoProperty().set(ours));
        assertThat(SceneText.all(robot.lookup(".dkm-details").query())).containsSubsequence("Environment", "this account", "Layout");

        // the account that does not exist: one line with its reason, the chip says so, the rest is shown
        assertThat(viewModel.environmentFailures()).singleElement().asString().startsWith(missing + ": ");
        assertThat(viewModel.statusMessageProperty().get()).contains("could not scan " + missing);
        assertThat(viewModel.environments()).containsExactly(EnvironmentSpec.account(account), EnvironmentSpec.account(missing));

        // the window as docs/screenshots/environments.png shows it (refreshed from target/screenshots like the others)
        assertThat(TestScreenshots.write(robot, table.getScene(), "environments.png")).isNotEmptyFile();

        // the filter box finds the account's repositories by its name
        robot.clickOn("#filterField").write(account);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).containsExactly(theirs);

        // remembered in the settings, and forgotten with its rows
        assertThat(settings.loadEnvironments()).containsExactly(account, missing);
        robot.interact(() -> viewModel.removeEnvironment(EnvironmentSpec.account(account)));
        assertThat(viewModel.repos()).noneMatch(r -> account.equals(r.environment()));
        assertThat(settings.loadEnvironments()).containsExactly(missing);
        assertThat(settings.load()).hasSize(1);
    }

    @Test
    void the_add_environment_dialog_adds_an_account_by_its_name_and_refuses_a_bad_one_with_its_reason(FxRobot robot) throws Exception {
        robot.clickOn("#addEnvironmentButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class)).write("Not A Name");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.environments()).isEmpty();
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Environment not added: not an account name: Not A Name");

        robot.clickOn("#addEnvironmentButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class)).write(account);
        robot.clickOn("OK");
        waitForScan();
        assertThat(viewModel.environments()).containsExactly(EnvironmentSpec.account(account));
        assertThat(viewModel.repos()).anySatisfy(r -> assertThat(r.environment()).isEqualTo(account));
        assertThat(settings.loadEnvironments()).containsExactly(account);
        // the chip, with its remove button
        robot.clickOn(robot.lookup(".button").match((Button b) -> ("Remove " + account).equals(b.getAccessibleText())).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.environments()).isEmpty();
        assertThat(viewModel.repos()).allSatisfy(r -> assertThat(r.environment()).isNull());
        assertThat(settings.loadEnvironments()).isEmpty();
    }

    private void waitForScan() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.scanStateProperty().get() == ScanState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
