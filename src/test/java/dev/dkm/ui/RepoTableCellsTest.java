package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.settings.Theme;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's cells keep their badges, labels and tooltips from one row to the next (redrawing 10,000 rows made new
 * ones for every row it showed: bench/gui-table-benchmark.sh). Sorting and filtering move every row to other cells
 * many times over; after each, every cell shows exactly its own row: its texts, its badge and colour, its tooltip or
 * none, the problem colour only when its row has a problem.
 */
@ExtendWith(ApplicationExtension.class)
class RepoTableCellsTest {
    private MainWindowViewModel viewModel;
    private TableView<RepoInfo> table;

    @Start
    void start(Stage stage) {
        viewModel = new MainWindowViewModel(TaskExecutor.synchronous(),
                (roots, progress) -> SampleRepos.everyStatus(), WorkspaceRootsStore.inMemory(List.of(SampleRepos.ROOT)));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        stage.setScene(view.createScene());
        stage.show();
        viewModel.scan();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_cell_shows_its_own_row_after_sorts_and_filters(FxRobot robot) {
        table = robot.lookup("#repoTable").queryTableView();
        TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
        assertThat(table.getItems()).hasSize(SampleRepos.everyStatus().size());
        int checked = checkEveryCell();
        assertThat(checked).as("rows drawn").isEqualTo(SampleRepos.everyStatus().size());
        for (TableColumn<RepoInfo, ?> column : List.copyOf(table.getColumns())) {
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                robot.interact(() -> {
                    column.setSortType(type);
                    table.getSortOrder().setAll(List.of(column));
                });
                checkEveryCell();
            }
        }
        for (String text : List.of("platform", "token", "", "ssh", "zzz-no-such", "")) {
            robot.interact(() -> filter.setText(text));
            checkEveryCell();
        }
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(checkEveryCell()).isEqualTo(SampleRepos.everyStatus().size());
    }

    /** Checks every drawn row's cells against the row; returns how many rows were drawn. */
    @SuppressWarnings("unchecked")
    private int checkEveryCell() {
        WaitForAsyncUtils.waitForFxEvents();
        int rows = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            TableRow<RepoInfo> row = (TableRow<RepoInfo>) node;
            if (!row.isVisible() || row.getIndex() < 0 || row.getIndex() >= table.getItems().size()) {
                continue;
            }
            RepoInfo repo = row.getItem();
            assertThat(repo).isSameAs(table.getItems().get(row.getIndex()));
            rows++;
            for (Node child : row.getChildrenUnmodifiable()) {
                if (child instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                    check((TableCell<RepoInfo, ?>) cell, repo);
                }
            }
        }
        return rows;
    }

    private static void check(TableCell<RepoInfo, ?> cell, RepoInfo repo) {
        String column = cell.getTableColumn().getText();
        String where = column + " of " + repo.relativePath();
        Optional<RemoteInfo> remote = repo.primaryRemote();
        Optional<KeyFileInfo> key = RepoTexts.identityFile(repo);
        switch (column) {
            case "Repository" -> {
                assertThat(cell.getText()).as(where).isEqualTo(repo.relativePath());
                assertThat(tooltip(cell)).as(where).isEqualTo(repo.path().toString());
            }
            case "GitLab project" -> {
                String project = RepoTexts.project(repo);
                String host = RepoTexts.host(repo);
                if (project.isEmpty() && host.isEmpty()) {
                    assertThat(texts(cell.getGraphic())).as(where).containsExactly(RepoTexts.NONE);
                    assertThat(tooltip(cell)).as(where).isNull();
                } else {
                    assertThat(texts(cell.getGraphic())).as(where).containsExactly(project.isEmpty() ? RepoTexts.NONE : project, host);
                    assertThat(tooltip(cell)).as(where).isEqualTo(project + (host.isEmpty() ? "" : " on " + host));
                }
            }
            case "Remote" -> {
                Label badge = (Label) cell.getGraphic();
                assertThat(badge.getText()).as(where).isEqualTo(remote.map(r -> RepoTexts.remoteKind(r.kind())).orElse(RepoTexts.NONE));
                remote.ifPresent(r -> assertThat(badge.getStyleClass()).as(where).contains(StyleClasses.badge(r.kind())));
                assertThat(tooltip(cell) != null).as(where).isEqualTo(remote.isPresent());
            }
            case "Token" -> {
                String kind = RepoTexts.tokenKind(RepoTexts.tokenKind(repo));
                assertThat(cell.getText()).as(where).isEqualTo(kind);
                assertThat(cell.getStyleClass().contains(StyleClasses.PROBLEM)).as(where).isEqualTo(!kind.isEmpty());
                assertThat(cell.getGraphic()).as(where).isNull();
            }
            case "Key" -> {
                assertThat(cell.getText()).as(where).isEqualTo(key.map(k -> !k.exists() ? "missing" : k.tooOpen() ? "too open" : "own").orElse(null));
                assertThat(cell.getStyleClass().contains(StyleClasses.PROBLEM)).as(where).isEqualTo(key.map(RepoTexts::hasProblem).orElse(false));
                assertThat(tooltip(cell) != null).as(where).isEqualTo(key.isPresent());
                if (key.isEmpty()) {
                    assertThat(texts(cell.getGraphic())).as(where).containsExactly(RepoTexts.NONE);
                }
            }
            case "Status" -> {
                Label badge = (Label) cell.getGraphic();
                assertThat(badge.getText()).as(where).isEqualTo(RepoTexts.status(repo.status()));
                assertThat(badge.getStyleClass()).as(where).contains(StyleClasses.badge(repo.status()));
                assertThat(badge.getTooltip() == null ? null : badge.getTooltip().getText()).as(where).isEqualTo(repo.statusReason());
                assertThat(cell.getTooltip()).as(where).isNull();
            }
            default -> { }
        }
    }

    private static String tooltip(TableCell<?, ?> cell) {
        return cell.getTooltip() == null ? null : cell.getTooltip().getText();
    }

    /** The texts of the labels in a graphic, in order. */
    private static List<String> texts(Node graphic) {
        List<String> texts = new ArrayList<>();
        if (graphic instanceof Label label) {
            texts.add(label.getText());
        } else if (graphic instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                texts.addAll(texts(child));
            }
        }
        return texts;
    }
}
