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
}
