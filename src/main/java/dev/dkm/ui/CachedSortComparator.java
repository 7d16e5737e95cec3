package dev.dkm.ui;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table's sort order as one comparator that asks each column for a row's value once per sort, not on every
 * comparison. JavaFX's own (TableColumnComparator) calls the cell value factory twice per comparison: sorting
 * 10,000 repositories made some 260,000 cell values, seconds on a busy machine (bench/gui-table-benchmark.sh).
 * Same order as the table's: the columns of its sort order, each with its comparator and sort type.
 */
final class CachedSortComparator {
    private CachedSortComparator() {}

    /** Null when the table is not sorted. */
    static <S> Comparator<S> of(TableView<S> table) {
        if (table.getComparator() == null) {
            return null;
        }
        Comparator<S> result = null;
        for (TableColumn<S, ?> column : List.copyOf(table.getSortOrder())) {
            Comparator<S> one = byColumn(column);
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private static <S, T> Comparator<S> byColumn(TableColumn<S, T> column) {
        Map<S, T> values = new IdentityHashMap<>();
        Comparator<T> comparator = column.getComparator();
        Comparator<S> ascending = (a, b) -> comparator.compare(value(values, column, a), value(values, column, b));
        return column.getSortType() == TableColumn.SortType.DESCENDING ? ascending.reversed() : ascending;
    }

    private static <S, T> T value(Map<S, T> values, TableColumn<S, T> column, S row) {
        if (values.containsKey(row)) {
            return values.get(row);
        }
        T value = column.getCellData(row);
        values.put(row, value);
        return value;
    }
}
