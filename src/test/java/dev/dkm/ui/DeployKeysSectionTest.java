package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.DemoSession;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * "Deploy keys on GitLab" in the details pane against the sandbox's demo world: the wired storefront clone shows its
 * key as used by this repo, the toggle makes it read-only on the server, and another project's key can be enabled.
 */
@ExtendWith(ApplicationExtension.class)
class DeployKeysSectionTest {
    private static final String STOREFRONT = "shop/frontend/storefront";

    @TempDir static Path tmp;
    static DemoSession demo;
    static GitLabClient owner;

    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private MainWindowView view;
    private Stage stage;

    @BeforeAll
    static void sandbox() throws Exception {
        demo = new DemoSession(tmp);
        owner = demo.ownerClient();
    }

    @AfterAll
    static void stop() {
        owner.close();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.inMemory(List.of(demo.workspace)));
        view = new MainWindowView(viewModel, o -> Optional.empty(), Theme.LIGHT);
        view.onSetUpDeployKey(repo -> { });
        DeployKeysSection.addTo(view.details(), () -> new ProjectDeployKeys(demo.services.connections()), executor);
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    private DeployKey storefrontKey() {
        return owner.projectDeployKeys(STOREFRONT).stream().filter(k -> k.title().equals("Workspace storefront")).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, String name) throws Exception {
        robot.interact(viewModel::scan);
        waitUntil(() -> viewModel.repos().size() > 5);
        RepoInfo repo = viewModel.repos().stream().filter(r -> r.path().endsWith(name)).findFirst().orElseThrow();
        robot.interact(() -> viewModel.selectedRepoProperty().set(repo));
    }

    private List<String> sectionTexts(FxRobot robot) {
        return SceneText.all(robot.lookup("#deployKeys").query());
    }

    @Test
    void the_wired_key_is_marked_and_the_toggle_makes_it_read_only_on_gitlab(FxRobot robot) throws Exception {
        long id = storefrontKey().id();
        assertThat(storefrontKey().canPush()).isTrue();
        select(robot, "storefront");

        waitUntil(() -> robot.lookup("#usedByThisRepo").tryQuery().isPresent());
        Node card = robot.lookup("#deployKey-" + id).query();
        assertThat(SceneText.all(card)).contains("Workspace storefront", "read-write", "used by this repo", "Make read-only", "Remove")
                        .contains("#" + id + "  ·  never expires").anySatisfy(t -> assertThat(t).startsWith("SHA256:").endsWith("…"));
        assertThat(sectionTexts(robot)).contains("Enable another key…");
        reveal(robot, "#toggleAccess-" + id);
        robot.clickOn("#toggleAccess-" + id);

        waitUntil(() -> robot.lookup("#deployKeysMessage").queryLabeled().getText().contains("read-only"));
        assertThat(storefrontKey().canPush()).isFalse();
        assertThat(robot.lookup("#deployKeysMessage").queryLabeled().getText())
                .contains("git push from storefront will be refused");
        assertThat(SceneText.all(robot.lookup("#deployKey-" + id).query())).contains("read-only", "Make read-write", "used by this repo");

        robot.clickOn("#toggleAccess-" + id);
        waitUntil(() -> robot.lookup("#deployKeysMessage").queryLabeled().getText().contains("read-write"));
        assertThat(storefrontKey().canPush()).isTrue();
    }

    @Test
    void enable_another_key_offers_the_users_other_keys_and_enables_the_chosen_one(FxRobot robot) throws Exception {
        select(robot, "storefront");
        waitUntil(() -> robot.lookup("#usedByThisRepo").tryQuery().isPresent());

        reveal(robot, "#enableAnotherKey");
        robot.clickOn("#enableAnotherKey");
        waitUntil(() -> robot.lookup("#enableableKeys").tryQuery().isPresent());
        ListView<ProjectDeployKeys.Candidate> list = robot.lookup("#enableableKeys").queryListView();
        assertThat(list.getItems()).extracting(c -> c.key().title()).contains("Release bot", "CI read-only")
                .doesNotContain("Workspace storefront");
        ProjectDeployKeys.Candidate release = list.getItems().stream()
                .filter(c -> c.key().title().equals("Release bot")).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(release));
        TestScreenshots.write(robot, dialog().orElseThrow().getScene(), "enable-deploy-key.png");
        robot.clickOn("Enable");

        waitUntil(() -> robot.lookup("#deployKey-" + release.key().id()).tryQuery().isPresent());
        assertThat(owner.projectDeployKey(STOREFRONT, release.key().id()).canPush()).isFalse();
        assertThat(robot.lookup("#deployKeysMessage").queryLabeled().getText())
                .isEqualTo("Enabled \"Release bot\" on " + STOREFRONT + ", read-only.");
        // For the README: the wired key and an enabled read-only one side by side.
        robot.interact(() -> view.details().setVvalue(0)); // the section sits under the repository's title
        TestScreenshots.write(robot, stage.getScene(), "details-deploy-keys.png");
    }

    /** Scrolls the details pane so that the node is at its top (or as near as the content allows). */
    private void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            ScrollPane pane = view.details();
            Node node = robot.lookup(query).query();
            pane.layout();
            double y = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double scrollable = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(scrollable <= 0 ? 0 : Math.min(1, Math.max(0, y - 8) / scrollable));
        });
    }

    private Optional<Stage> dialog() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s != stage && s.isShowing())
                .map(w -> (Stage) w).findFirst();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
