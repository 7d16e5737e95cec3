package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.DemoEnvironment;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "GitLab" column after a scan of the demo workspace (sandbox GitLab, a repository wired to its own deploy key)
 * plus a repository on a host no instance is configured for; the details pane offers "Add instance…" for that host,
 * and removing the instance in the instances model refreshes the column.
 */
@ExtendWith(ApplicationExtension.class)
class ServerStatusColumnTest {
    @TempDir static Path tmp;
    static DemoEnvironment demo;
    static String demoToken;

    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private ServerStatusModel serverStatus;
    private InstancesViewModel instances;
    private final List<String> addInstanceFor = new ArrayList<>();

    @BeforeAll
    static void demoWorkspaceWithAnUnknownHost() throws Exception {
        IsolatedGit git = new IsolatedGit(tmp);
        Map<String, String> env = new HashMap<>(git.env());
        demo = DemoEnvironment.start(tmp.resolve("demo"), env::get, Clock.systemUTC());
        Path elsewhere = Files.createDirectories(demo.workspace().resolve("elsewhere/app"));
        git.git(elsewhere, "init", "-q").assertOk();
        git.git(elsewhere, "remote", "add", "origin", "git@gitlab.unknown.example:group/app.git").assertOk();
        demoToken = demo.services().credentials().tokenFor(demo.instanceUrl()).orElseThrow().token().reveal();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.inMemory(List.of(demo.workspace())));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        serverStatus = new ServerStatusModel(executor, (repos, p) -> demo.services().serverKeyStatus().lookup(repos, p)).follow(viewModel);
        instances = new InstancesViewModel(demo::services, executor, url -> serverStatus.refresh(viewModel.repos()));
        view.showServerStatus(serverStatus, addInstanceFor::add);
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void the_column_shows_can_push_for_the_wired_repo_and_no_instance_for_an_unknown_host(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitUntil(() -> viewModel.scanStateProperty().get() == ScanState.DONE && !serverStatus.busyProperty().get()
                && !serverStatus.statusesProperty().get().isEmpty());
        // the statuses arrive, then the table redraws its cells on a later pulse
        waitUntil(() -> !rowTexts(robot).getOrDefault("shop/frontend/storefront", "").contains(ServerStatusTexts.CHECKING));

        Map<String, String> rows = rowTexts(robot);
        assertThat(rows.get("shop/frontend/storefront")).contains("deploy key · can push").contains("no expiry");
        assertThat(rows.get("elsewhere/app")).contains("no GitLab instance configured", "for gitlab.unknown.example");
        assertThat(rows.get("acme/website")).contains("no own key");
        TestScreenshots.write(robot, robot.window(0).getScene(), "gitlab-column.png");

        RepoInfo elsewhere = viewModel.repos().stream().filter(r -> r.relativePath().equals("elsewhere/app")).findFirst().orElseThrow();
        robot.interact(() -> viewModel.selectedRepoProperty().set(elsewhere));
        assertThat(robot.lookup("#gitLabStatus").queryLabeled().getText())
                .isEqualTo("no GitLab instance configured for gitlab.unknown.example");
        robot.clickOn("#addInstanceForHost");
        assertThat(addInstanceFor).containsExactly("https://gitlab.unknown.example"); // the remote's scheme, host and port
        assertThat(SceneText.all(robot.window(0).getScene().getRoot())).noneSatisfy(t -> assertThat(t).contains(demoToken));

        robot.interact(() -> instances.remove(demo.instanceUrl()));
        waitUntil(() -> !serverStatus.busyProperty().get() && rowTexts(robot).get("shop/frontend/storefront")
                .contains("no GitLab instance configured"));
        assertThat(rowTexts(robot).get("shop/frontend/storefront")).contains("for 127.0.0.1");
    }

    /** Each visible row's texts (cells and tooltips), by the repository's path relative to the workspace. */
    private static Map<String, String> rowTexts(FxRobot robot) {
        Map<String, String> texts = new HashMap<>();
        for (TableRow<?> row : robot.lookup(".table-row-cell").queryAllAs(TableRow.class)) {
            if (row.getItem() instanceof RepoInfo repo) {
                texts.put(repo.relativePath(), String.join(" | ", SceneText.all(row)));
            }
        }
        return texts;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
