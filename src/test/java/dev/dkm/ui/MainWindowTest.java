package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.app.WorkspaceRoots;
import dev.dkm.settings.AppDirs;
import dev.dkm.workspace.WorkspaceRootsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
import org.testfx.util.WaitForAsyncUtils;

/** The main window on real git repositories, scanned in the background, driven by clicks and keys (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    /** The part of the raw token that redaction never shows. */
    private static final String TOKEN_BODY = "abcdefghijklmnopqrst";

    @TempDir
    Path temp;

    private Path workspace;
    private WorkspaceRoots rootsFile;
    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private MainWindowView view;

    @Start
    void start(Stage stage) throws Exception {
        workspace = GitFixture.sampleWorkspace(temp.resolve("ws"));
        // An older version's workspace-roots.txt: moved into the settings on first load.
        new WorkspaceRootsFile(temp.resolve("config/" + WorkspaceRootsFile.FILE_NAME)).save(List.of(workspace));
        rootsFile = new WorkspaceRoots(AppDirs.of(Map.of("DKM_CONFIG_DIR", temp.resolve("config").toString()), temp.toString()));
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.of(rootsFile));
        view = new MainWindowView(viewModel, owner -> Optional.of(workspace), Theme.LIGHT);
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void scan_filter_and_details_with_every_url_redacted(FxRobot robot) throws Exception {
        robot.clickOn("#scanButton");
        waitForScan();

        TableView<RepoInfo> table = robot.lookup("#repoTable").queryTableView();
        assertThat(paths(table)).containsExactlyInAnyOrder("group/app", "group/web", "lonely", "plain");
        assertThat(robot.lookup("#summary").queryLabeled().getText()).startsWith("4 repos");
        ComboBox<?> quickFilter = robot.lookup("#quickFilterBox").queryAs(ComboBox.class);
        assertThat(quickFilter.getButtonCell().getText()).isEqualTo("All repositories (4)");
        robot.clickOn(quickFilter).clickOn("No or local remote (1)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(paths(table)).containsExactly("lonely");
        assertThat(quickFilter.getButtonCell().getText()).isEqualTo("No or local remote (1)");
        robot.interact(() -> viewModel.quickFilterProperty().set(RepoQuickFilter.ALL));
        assertThat(quickFilter.getButtonCell().getText()).isEqualTo("All repositories (4)");

        robot.clickOn("#filterField").write("web");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(paths(table)).containsExactly("group/web");
        assertThat(robot.lookup("#summary").queryLabeled().getText()).startsWith("1 of 4 repos");

        robot.clickOn(robot.lookup(".table-row-cell")
                .match((TableRow<RepoInfo> row) -> row.getItem() != null && row.getItem().relativePath().equals("group/web"))
                .queryAs(TableRow.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.selectedRepoProperty().get().relativePath()).isEqualTo("group/web");
        List<String> detailTexts = SceneText.all(robot.lookup(".dkm-details").query());
        assertThat(detailTexts).contains("origin");
        assertThat(detailTexts).anySatisfy(t -> assertThat(t).contains("gitlab.example.com/group/web.git"));
        assertThat(detailTexts).anySatisfy(t -> assertThat(t).contains("oauth2:glpat-…"));

        assertThat(SceneText.all(table.getScene().getRoot())).noneSatisfy(t -> assertThat(t).contains(TOKEN_BODY));
    }

    @Test
    void ctrl_f_focuses_the_filter_and_enter_moves_to_the_first_match(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitForScan();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
        assertThat(filter.isFocused()).isTrue();

        robot.write("plain").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<RepoInfo> table = robot.lookup("#repoTable").queryTableView();
        assertThat(table.isFocused()).isTrue();
        assertThat(viewModel.selectedRepoProperty().get().relativePath()).isEqualTo("plain");

        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(4);
    }

    @Test
    void set_up_deploy_key_is_coming_soon_until_an_action_is_plugged_in(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitForScan();
        robot.interact(() -> viewModel.selectedRepoProperty().set(viewModel.repos().get(0)));
        assertThat(robot.lookup("#setUpDeployKey").queryButton().isDisabled()).isTrue();

        List<RepoInfo> asked = new ArrayList<>();
        robot.interact(() -> view.onSetUpDeployKey(asked::add));
        robot.clickOn("#setUpDeployKey");

        assertThat(asked).containsExactly(viewModel.repos().get(0));
    }

    @Test
    void a_filter_that_matches_nothing_says_so_and_offers_to_clear_it(FxRobot robot) throws Exception {
        robot.interact(viewModel::scan);
        waitForScan();

        robot.clickOn("#filterField").write("no-such-repo");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#emptyState .label").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("No repository matches the filter"));
        robot.clickOn(robot.lookup("#emptyStateAction").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#repoTable").queryTableView().getItems()).hasSize(4);
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void without_a_folder_the_empty_state_offers_one_and_the_choice_is_remembered(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.removeRoot(workspace));
        assertThat(rootsFile.load()).isEmpty();
        assertThat(robot.lookup("#emptyState .label").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("Add a workspace folder to scan"));
        assertThat(robot.lookup("#scanButton").queryButton().isDisabled()).isTrue();

        robot.clickOn(robot.lookup("#emptyStateAction").queryAs(Button.class));
        waitForScan();

        assertThat(rootsFile.load()).containsExactly(workspace);
        assertThat(robot.lookup(".dkm-root-chip").queryAll()).hasSize(1);
        assertThat(robot.lookup("#repoTable").queryTableView().getItems()).hasSize(4);
    }

    @Test
    void the_row_context_menu_sets_up_a_deploy_key_for_that_repository(FxRobot robot) throws Exception {
        List<RepoInfo> asked = new java.util.ArrayList<>();
        robot.interact(() -> view.onSetUpDeployKey(asked::add));
        robot.clickOn("#scanButton");
        waitForScan();

        javafx.scene.control.TableRow<?> web = robot.lookup(".table-row-cell").match(cell -> cell instanceof javafx.scene.control.TableRow<?> row
                && row.getItem() instanceof RepoInfo repo && repo.relativePath().equals("group/web")).queryAs(javafx.scene.control.TableRow.class);
        // Monocle turns no right click into a context-menu request: the menu is opened as the platform would open it
        robot.interact(() -> web.getContextMenu().show(web, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Set up deploy key…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked).extracting(RepoInfo::relativePath).containsExactly("group/web");
    }

    private void waitForScan() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.scanStateProperty().get() == ScanState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> paths(TableView<RepoInfo> table) {
        return table.getItems().stream().map(RepoInfo::relativePath).toList();
    }
}
