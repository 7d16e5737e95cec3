package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.app.OneClickSetup;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.TableRow;
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

/**
 * The "Set up deploy key" dialog on the sandbox GitLab with the real git and OpenSSH: plan, confirm the host key,
 * watch the steps tick off, and the repository's row turns "wired".
 */
@ExtendWith(ApplicationExtension.class)
class SetupDialogTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static AppServices services;
    static Path workspace;

    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private Stage stage;

    @BeforeAll
    static void sandboxAndTokenClone() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        IsolatedGit git = new IsolatedGit(tmp);
        services = DialogTests.sandboxServices(server, git, tmp);
        workspace = Files.createDirectories(tmp.resolve("ws"));
        Path repo = workspace.resolve("website");
        git.git(tmp, "clone", "-q", server.repoDir("acme/website").toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/acme/website.git").assertOk();
    }

    @AfterAll
    static void stop() {
        services.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.inMemory(List.of(workspace)));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        view.onSetUpDeployKey(repo -> new SetupDialog(new SetupDialogViewModel(repo, () -> new OneClickSetup(services),
                services::undo, executor, Platform::runLater)).onFinished(viewModel::scan).show(stage, Theme.LIGHT));
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void the_dialog_plans_asks_for_the_host_key_runs_every_step_and_the_row_turns_wired(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitUntil(() -> viewModel.repos().size() == 1);
        assertThat(viewModel.repos().get(0).status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        // the table draws its row after the scan's result arrives: wait for it (it was sometimes not drawn yet)
        waitUntil(() -> robot.lookup(".table-row-cell").match((TableRow<RepoInfo> row) -> row.getItem() != null).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-row-cell")
                .match((TableRow<RepoInfo> row) -> row.getItem() != null).queryAs(TableRow.class));
        robot.clickOn("#setUpDeployKey");

        try {
            waitUntil(() -> dialog().isPresent() && SceneText.all(dialog().get().getScene().getRoot()).contains("I trust this host key")
                    && SceneText.all(dialog().get().getScene().getRoot()).stream().anyMatch(t -> t.startsWith("Project:")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("dialog shows: " + dialog().map(d -> SceneText.all(d.getScene().getRoot())).orElse(List.of("no dialog")));
        }
        Stage dialog = dialog().orElseThrow();
        List<String> texts = SceneText.all(dialog.getScene().getRoot());
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Project:     acme/website"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains(server.hostKeyFingerprint()));
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains(server.maintainerToken()));
        assertThat(robot.lookup("Set up").queryButton().isDisabled()).as("needs the host key confirmed first").isTrue();
        TestScreenshots.write(robot, dialog.getScene(), "setup-dialog-plan.png");

        robot.clickOn("I trust this host key");
        robot.clickOn("Set up");
        waitUntil(() -> SceneText.all(dialog.getScene().getRoot()).stream().anyMatch(t -> t.startsWith("Done:")));

        List<String> after = SceneText.all(dialog.getScene().getRoot());
        assertThat(after).contains("Generate key", "Register on GitLab", "Trust host key", "Wire repository", "Verify with git");
        assertThat(after).noneSatisfy(t -> assertThat(t).contains(server.maintainerToken()));
        TestScreenshots.write(robot, dialog.getScene(), "setup-dialog-done.png");

        robot.clickOn("Close");
        waitUntil(() -> viewModel.repos().size() == 1 && viewModel.repos().get(0).status() == RepoStatus.WIRED);
        assertThat(viewModel.repos().get(0).sshCommand().identitiesOnly()).isTrue();
    }

    private Optional<Stage> dialog() {
        return DialogTests.dialog(stage);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        DialogTests.waitUntil(condition);
    }
}
