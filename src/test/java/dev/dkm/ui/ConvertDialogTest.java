package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
 * "Convert to SSH…" from the main window against the sandbox GitLab with the real git and OpenSSH: three clones with
 * tokens in their HTTPS URLs, one the maintainer cannot see, one already on SSH. Select, preview (host key confirmed),
 * run, results, export, revoke the token nothing uses any more, and Undo puts every config back byte for byte.
 */
@ExtendWith(ApplicationExtension.class)
class ConvertDialogTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static AppServices services;
    static Path workspace;
    static String deployToken;
    static final Map<String, Path> REPOS = new LinkedHashMap<>();

    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private Stage stage;
    private final AtomicReference<ConvertDialogViewModel> dialogModel = new AtomicReference<>();

    @BeforeAll
    static void sandboxAndClones() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        IsolatedGit git = new IsolatedGit(tmp);
        services = DialogTests.sandboxServices(server, git, tmp);
        deployToken = server.world().createDeployToken("acme/handbook", null, "ci pull", List.of("read_repository"), null);
        String deployUser;
        try (GitLabClient owner = GitLabClient.connect(server.url(), Secret.of(server.ownerToken()))) {
            deployUser = owner.deployTokens(GitLabClient.Scope.PROJECT, "acme/handbook", true).get(0).username();
        }
        workspace = Files.createDirectories(tmp.resolve("ws"));
        String pat = "oauth2:" + server.maintainerToken();
        clone(git, "website", "acme/website", http(pat, "acme/website"));
        clone(git, "handbook", "acme/handbook", http(deployUser + ":" + deployToken, "acme/handbook"));
        clone(git, "platform/api", "acme/platform/api", http(pat, "acme/platform/api"));
        clone(git, "platform/infra", "acme/platform/infra", server.sshUrl("acme/platform/infra"));
        clone(git, "vault", "secret/vault", http(pat, "secret/vault"));
    }

    private static String http(String userInfo, String project) {
        return server.url().replace("http://", "http://" + userInfo + "@") + "/" + project + ".git";
    }

    private static void clone(IsolatedGit git, String name, String project, String url) throws Exception {
        Path repo = workspace.resolve(name);
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin", url).assertOk();
        REPOS.put(name, repo);
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
        SaveFilePicker intoTmp = (owner, title, name, extension) -> Optional.of(tmp.resolve(name));
        view.onConvertToSsh(() -> {
            // the dialog as the window opens it (DkmApplication uses the same factory)
            ConvertDialogViewModel model = ConvertDialogViewModel.overWindow(viewModel, () -> services, executor, Platform::runLater);
            dialogModel.set(model);
            new ConvertDialog(model, intoTmp).onChanged(viewModel::scan).show(stage);
        });
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void select_preview_run_export_revoke_and_undo_byte_for_byte(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitUntil(() -> viewModel.repos().size() == 5 && viewModel.scanStateProperty().get() == ScanState.DONE);
        Map<Path, byte[]> before = configs();

        // 1. select: the four with tokens in their URLs are ticked, the SSH one is not
        robot.clickOn("#convertToSsh");
        waitUntil(() -> dialog().isPresent());
        Stage dialog = dialog().orElseThrow();
        ConvertDialogViewModel model = dialogModel.get();
        assertThat(model.selectedRepos()).extracting(RepoInfo::relativePath)
                .containsExactlyInAnyOrder("handbook", "platform/api", "vault", "website");
        assertThat(texts(dialog)).contains("4 of 5 selected · 4 with tokens in URLs");
        TestScreenshots.write(robot, dialog.getScene(), "convert-select.png");

        // 2. preview: the plan per repository, the problem, the new host key; nothing runs before it is confirmed
        robot.clickOn("#previewConversion");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.PREVIEW && !model.hostKeys().isEmpty()
                && count(texts(dialog), "convert") == 3);
        List<String> preview = texts(dialog);
        assertThat(preview).contains("3 to convert · 0 skipped · 1 with problems", "acme/website", "acme/handbook",
                "acme/platform/api", "secret/vault", "Convert 3 repositories", "I trust this host key");
        assertThat(preview).filteredOn("convert"::equals).hasSize(3);
        assertThat(preview).filteredOn("problem"::equals).hasSize(1);
        assertThat(preview).anySatisfy(t -> assertThat(t).contains(server.hostKeyFingerprint()));
        assertThat(preview).anySatisfy(t -> assertThat(t).startsWith("+ ssh://"));
        assertNoSecret(preview);
        assertThat(robot.lookup("#runConversion").queryButton().isDisabled()).as("the host key is confirmed first").isTrue();
        assertSameConfigs(before, "a preview changes nothing");
        robot.clickOn(robot.lookup("I trust this host key").queryAs(CheckBox.class));
        TestScreenshots.write(robot, dialog.getScene(), "convert-preview.png");

        // 3. run, 4. results
        robot.clickOn("#runConversion");
        // the results table draws its cells after the phase changes: wait for every row's outcome, not only three
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.DONE && count(texts(dialog), "converted") == 3
                && count(texts(dialog), "failed") == 1);
        List<String> results = texts(dialog);
        assertThat(results).filteredOn("converted"::equals).hasSize(3);
        assertThat(results).filteredOn("failed"::equals).hasSize(1);
        assertThat(model.countsTextProperty().get()).startsWith("3 converted · 0 failed · 0 remaining");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertNoSecret(results);
        for (String name : List.of("website", "handbook", "platform/api")) {
            String config = Files.readString(REPOS.get(name).resolve(".git/config"));
            assertThat(config).doesNotContain(server.maintainerToken()).doesNotContain(deployToken).contains("IdentitiesOnly=yes");
        }
        // the PAT stays in vault, so it is kept; the deploy token is used nowhere any more: Revoke is offered
        assertThat(results).anySatisfy(t -> assertThat(t).contains("still used by vault"));
        assertThat(model.tokens()).hasSize(2);
        TestScreenshots.write(robot, dialog.getScene(), "convert-results.png");

        robot.clickOn("Export CSV…");
        Path csv = tmp.resolve(model.exportFileName(ConvertDialogViewModel.ExportFormat.CSV));
        waitUntil(() -> Files.isRegularFile(csv));
        assertThat(Files.readString(csv)).contains("website,acme/website,converted").contains("vault,secret/vault,failed")
                .doesNotContain(server.maintainerToken());

        // 5. the main window rescanned: the rows are wired now
        waitUntil(() -> status("website") == RepoStatus.WIRED && status("handbook") == RepoStatus.WIRED);
        TestScreenshots.write(robot, stage.getScene(), "convert-main-window-after.png");

        robot.clickOn(robot.lookup(".button").match((Button b) -> "Revoke".equals(b.getText())).queryButton());
        waitUntil(() -> model.tokens().stream().anyMatch(t -> t.revoked().get()));
        assertThat(texts(dialog)).anySatisfy(t -> assertThat(t).contains("revoked"));

        // Undo: every config back byte for byte, and the main window rescans again
        robot.clickOn("#undoRun");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.UNDONE);
        assertThat(texts(dialog)).anySatisfy(t -> assertThat(t).contains("config restored"));
        // the revoked deploy token is not put back (the journal forgot it when it was revoked): handbook's URL comes
        // back without it, every other byte as before; the other configs byte for byte
        Path handbook = REPOS.get("handbook");
        String handbookBefore = new String(before.get(handbook), StandardCharsets.UTF_8);
        String handbookExpected = handbookBefore.replaceAll("//[^/@\\s]*" + Pattern.quote(deployToken) + "@", "//");
        assertThat(handbookExpected).isNotEqualTo(handbookBefore);
        assertThat(Files.readString(handbook.resolve(".git/config"))).as("handbook: restored without the revoked token")
                .isEqualTo(handbookExpected);
        Map<Path, byte[]> others = new LinkedHashMap<>(before);
        others.remove(handbook);
        assertSameConfigs(others, "restored byte for byte");
        waitUntil(() -> status("website") == RepoStatus.TOKEN_IN_URL);
        robot.clickOn("Close");
        waitUntil(() -> dialog().isEmpty());
    }

    private static long count(List<String> texts, String text) {
        return texts.stream().filter(text::equals).count();
    }

    private RepoStatus status(String name) {
        return viewModel.repos().stream().filter(r -> r.relativePath().equals(name)).findFirst().map(RepoInfo::status).orElse(null);
    }

    private static void assertNoSecret(List<String> texts) {
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains(server.maintainerToken()));
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains(deployToken));
    }

    private static void assertSameConfigs(Map<Path, byte[]> before, String what) throws Exception {
        Map<Path, byte[]> now = configs();
        for (Path repo : before.keySet()) {
            assertThat(now.get(repo)).as(repo + ": " + what).isEqualTo(before.get(repo));
        }
    }

    private static Map<Path, byte[]> configs() throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        for (Path repo : REPOS.values()) {
            m.put(repo, Files.readAllBytes(repo.resolve(".git/config")));
        }
        return m;
    }

    private static List<String> texts(Stage dialog) {
        return SceneText.all(dialog.getScene().getRoot());
    }

    private Optional<Stage> dialog() {
        return DialogTests.dialog(stage);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        DialogTests.waitUntil(condition);
    }
}
