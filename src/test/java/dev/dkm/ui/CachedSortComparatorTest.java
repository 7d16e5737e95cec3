package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The repository table sorts through {@link CachedSortComparator}: the table's order (columns of the sort order,
 * each ascending or descending, nulls as the column's comparator puts them), with each row's value asked for
 * once per sort. JavaFX's own comparator asked twice per comparison (bench/gui-table-benchmark.sh: seconds for
 * 10,000 rows).
 */
@ExtendWith(ApplicationExtension.class)
class CachedSortComparatorTest {
    private final AtomicInteger cellValues = new AtomicInteger();
    private TableView<String[]> table;
    private TableColumn<String[], String> first;
    private TableColumn<String[], String> second;
    private SortedList<String[]> sorted;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        first = column(0);
        second = column(1);
        table.getColumns().setAll(List.of(first, second));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new String[] {"g" + (i % 7), i % 10 == 0 ? null : String.format("%04d", (i * 37) % 1000)});
        }
        sorted = new SortedList<>(FXCollections.observableArrayList(rows));
        table.setSortPolicy(t -> true);
        sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> CachedSortComparator.of(table), table.comparatorProperty()));
        table.setItems(sorted);
    }

    private TableColumn<String[], String> column(int index) {
        TableColumn<String[], String> column = new TableColumn<>("c" + index);
        column.setCellValueFactory(cd -> {
            cellValues.incrementAndGet();
            return new ReadOnlyObjectWrapper<>(cd.getValue()[index]);
        });
        return column;
    }

    @Test
    void sorts_as_the_table_says_asking_each_row_once_per_column(FxRobot robot) {
        robot.interact(() -> {
            cellValues.set(0);
            first.setSortType(TableColumn.SortType.DESCENDING);
            second.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(first, second));
        });
        List<String[]> byHand = new ArrayList<>(sorted);
        byHand.sort(java.util.Comparator.comparing((String[] r) -> r[0]).reversed()
                .thenComparing(r -> r[1], java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder())));
        assertThat(sorted).hasSize(1000).containsExactlyElementsOf(byHand);
        assertThat(sorted.get(0)).containsExactly("g6", null); // the columns' default comparator puts nulls first
        assertThat(cellValues.get()).as("one value per row per column, not two per comparison").isLessThanOrEqualTo(2 * 1000);

        robot.interact(() -> second.setSortType(TableColumn.SortType.DESCENDING));
        assertThat(sorted.get(0)[0]).isEqualTo("g6");
        assertThat(sorted.get(sorted.size() - 1)[1]).isNull(); // descending: nulls last
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(sorted.comparatorProperty().get()).isNull();
    }
    /**
     * Strings sort as JavaFX's default comparator sorts them (the locale's collator: case and accents second),
     * not by {@code String.compareTo}, though each row's string is made a collation key once per sort.
     */
    @Test
    @SuppressWarnings("unchecked")
    void strings_sort_in_the_collators_order_as_the_default_comparator_does(FxRobot robot) {
        List<String> words = List.of("b", "A", "a", "B", "é", "e", "E", "Zeta", "zeta", "ä", "a-b", "ab", "a b", "10", "9", "");
        List<String[]> rows = new ArrayList<>();
        for (String w : words) {
            rows.add(new String[] {w, null});
        }
        rows.add(new String[] {null, null});
        robot.interact(() -> {
            sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> CachedSortComparator.of(table), table.comparatorProperty()));
            table.setItems(sorted);
            first.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(first));
        });
        List<String> expected = new ArrayList<>(words);
        expected.add(null);
        expected.sort(javafx.scene.control.TableColumnBase.DEFAULT_COMPARATOR);
        assertThat(expected).as("the collator's order is not String.compareTo's").isNotEqualTo(
                expected.stream().sorted(java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder())).toList());
        assertThat(sorted.stream().map(r -> r[0]).toList()).containsExactlyElementsOf(expected);

        robot.interact(() -> first.setSortType(TableColumn.SortType.DESCENDING));
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(sorted.stream().map(r -> r[0]).toList()).containsExactlyElementsOf(reversed);
    }
    /**
     * After a scan the window makes the rows' values and collation keys in the background ({@link
     * CachedSortComparator.CollationKeys#prepare}): the first click on a header then asks no row on the FX thread, and
     * sorts as the default comparator does. Rows cleared before the background work is handed over are not adopted.
     */
    @Test
    void prepared_keys_leave_the_first_sort_nothing_to_ask_and_cleared_rows_are_not_adopted(FxRobot robot) throws Exception {
        CachedSortComparator.valueOfRowAlone(first);
        CachedSortComparator.valueOfRowAlone(second);
        CachedSortComparator.CollationKeys keys = new CachedSortComparator.CollationKeys();
        List<String[]> rows = List.copyOf(sorted.getSource());
        robot.interact(() -> {
            sorted.comparatorProperty().unbind();
            sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> CachedSortComparator.of(table, keys), table.comparatorProperty()));
            cellValues.set(0);
            keys.prepare(List.of(first, second), rows);
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> cellValues.get() == 2 * rows.size());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the hand-over to the FX thread
        robot.interact(() -> {
            second.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(second, first));
        });
        assertThat(cellValues.get()).as("the first sort asked no row itself").isEqualTo(2 * rows.size());
        List<String[]> expected = new ArrayList<>(rows);
        expected.sort(java.util.Comparator.comparing((String[] r) -> r[1], javafx.scene.control.TableColumnBase.DEFAULT_COMPARATOR::compare)
                .thenComparing(r -> r[0], javafx.scene.control.TableColumnBase.DEFAULT_COMPARATOR::compare));
        assertThat(sorted).containsExactlyElementsOf(expected);

        // cleared (new rows) while the background work runs: its values are dropped, the next sort asks again
        CachedSortComparator.CollationKeys fresh = new CachedSortComparator.CollationKeys();
        robot.interact(() -> {
            table.getSortOrder().clear();
            sorted.comparatorProperty().unbind();
            sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> CachedSortComparator.of(table, fresh), table.comparatorProperty()));
            cellValues.set(0);
            fresh.prepare(List.of(first, second), rows);
            fresh.clear();
        });
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        int askedInBackground = cellValues.get();
        robot.interact(() -> table.getSortOrder().setAll(List.of(first)));
        assertThat(cellValues.get() - askedInBackground).as("nothing adopted: the sort asked every row").isEqualTo(rows.size());
    }

    /**
     * A column whose value depends on more than its row (the GitLab column follows the server's answers) is asked
     * again at every sort; a column marked {@link CachedSortComparator#valueOfRowAlone} keeps its rows' values from
     * one sort to the next, until the window clears them with its rows.
     */
    @Test
    void values_of_other_state_are_asked_again_and_kept_ones_until_cleared(FxRobot robot) {
        String[] suffix = {"a"};
        TableColumn<String[], String> changing = new TableColumn<>("changing");
        changing.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                Integer.parseInt(cd.getValue()[0].substring(1)) % 2 == 0 ? suffix[0] + cd.getValue()[0] : "m" + cd.getValue()[0]));
        TableColumn<String[], String> kept = new TableColumn<>("kept");
        // "a": in the rows' order; "z": in the reverse order.
        kept.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>("a".equals(suffix[0]) ? cd.getValue()[0]
                : String.format("r%02d", 99 - Integer.parseInt(cd.getValue()[0].substring(1)))));
        CachedSortComparator.valueOfRowAlone(kept);
        CachedSortComparator.CollationKeys keys = new CachedSortComparator.CollationKeys();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new String[] {String.format("r%02d", i), null});
        }
        robot.interact(() -> {
            table.getColumns().setAll(List.of(changing, kept));
            sorted = new SortedList<>(FXCollections.observableArrayList(rows));
            sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                    () -> CachedSortComparator.of(table, keys), table.comparatorProperty()));
            table.setItems(sorted);
            table.getSortOrder().setAll(List.of(changing));
        });
        assertThat(sorted.get(0)[0]).isEqualTo("r00"); // "ar00" before every "m…"
        suffix[0] = "z"; // now the even rows sort after the odd ones
        robot.interact(() -> {
            changing.setSortType(TableColumn.SortType.DESCENDING);
            changing.setSortType(TableColumn.SortType.ASCENDING);
        });
        assertThat(sorted.get(0)[0]).as("asked again").isEqualTo("r01");

        robot.interact(() -> table.getSortOrder().setAll(List.of(kept)));
        assertThat(sorted.get(0)[0]).as("reverse order").isEqualTo("r19");
        suffix[0] = "a";
        robot.interact(() -> kept.setSortType(TableColumn.SortType.DESCENDING));
        assertThat(sorted.get(0)[0]).as("the values kept from the sort before, descending").isEqualTo("r00");
        robot.interact(() -> {
            keys.clear();
            kept.setSortType(TableColumn.SortType.ASCENDING);
        });
        assertThat(sorted.get(0)[0]).as("asked again after clear()").isEqualTo("r00");
        robot.interact(() -> kept.setSortType(TableColumn.SortType.DESCENDING));
        assertThat(sorted.get(0)[0]).isEqualTo("r19");
    }
}
