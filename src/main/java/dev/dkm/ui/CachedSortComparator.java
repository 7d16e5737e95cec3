package dev.dkm.ui;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/**
 * A table's sort order as one comparator that asks each column for a row's value once per sort, not on every
 * comparison. JavaFX's own (TableColumnComparator) calls the cell value factory twice per comparison: sorting
 * 10,000 repositories made some 260,000 cell values, seconds on a busy machine (bench/gui-table-benchmark.sh).
 * Same order as the table's: the columns of its sort order, each with its comparator and sort type.
 *
 * <p>A column with JavaFX's default comparator compares two strings with a new {@link Collator} each time, which
 * normalises both strings again on every comparison (most of a 10,000-row sort by path: 250 ms of CPU). Here each
 * string becomes its {@link CollationKey} once instead (kept in {@link CollationKeys} from one sort to the next,
 * until the window forgets them with its rows); comparing two keys gives what the collator gives for their
 * strings ({@link CollationKey#compareTo}), so the order is the same.
 */
final class CachedSortComparator {
    /** A cached value that is null (the cache cannot tell a missing entry from a null one otherwise). */
    private static final Object NULL = new Object();

    private CachedSortComparator() {}

    /** Null when the table is not sorted; the collation keys made for this sort only. */
    static <S> Comparator<S> of(TableView<S> table) {
        return of(table, new CollationKeys());
    }

    /** Null when the table is not sorted; strings' collation keys taken from, and added to, {@code keys}. */
    static <S> Comparator<S> of(TableView<S> table, CollationKeys keys) {
        if (table.getComparator() == null) {
            return null;
        }
        Comparator<S> result = null;
        for (TableColumn<S, ?> column : List.copyOf(table.getSortOrder())) {
            Comparator<S> one = byColumn(column, keys, table.getItems().size());
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <S, T> Comparator<S> byColumn(TableColumn<S, T> column, CollationKeys keys, int rows) {
        Comparator<T> comparator = column.getComparator();
        Map<S, Object> values = keys.rowValues(column, comparator, rows);
        Comparator<S> ascending;
        if (comparator == TableColumnBase.DEFAULT_COMPARATOR) {
            ascending = (a, b) -> compareAsDefault(sortKey(values, column, keys, a), sortKey(values, column, keys, b));
        } else {
            ascending = (a, b) -> comparator.compare((T) sortKey(values, column, null, a), (T) sortKey(values, column, null, b));
        }
        return column.getSortType() == TableColumn.SortType.DESCENDING ? ascending.reversed() : ascending;
    }

    /** The row's value, once per sort; a string as its collation key when {@code keys} is set. */
    private static <S> Object sortKey(Map<S, Object> values, TableColumn<S, ?> column, CollationKeys keys, S row) {
        Object cached = values.get(row);
        if (cached == null) {
            Object value = column.getCellData(row);
            cached = value == null ? NULL : keys != null && value instanceof String s ? keys.of(s) : value;
            values.put(row, cached);
        }
        return cached == NULL ? null : cached;
    }

    /** {@link TableColumnBase#DEFAULT_COMPARATOR}'s order, with strings already made collation keys. */
    @SuppressWarnings("unchecked")
    private static int compareAsDefault(Object a, Object b) {
        if (a instanceof CollationKey x && b instanceof CollationKey y) {
            return x.compareTo(y);
        }
        return TableColumnBase.DEFAULT_COMPARATOR.compare(source(a), source(b));
    }

    private static Object source(Object value) {
        return value instanceof CollationKey key ? key.getSourceString() : value;
    }

    /**
     * Marks a column whose cell value depends on its row alone (not on other state that may change while the rows
     * stay): its rows' sort values are kept from one sort to the next, with the collation keys, until {@link
     * CollationKeys#clear}.
     */
    static void valueOfRowAlone(TableColumn<?, ?> column) {
        column.getProperties().put(ROW_ALONE, Boolean.TRUE);
    }

    private static final Object ROW_ALONE = new Object();

    /**
     * Strings' collation keys under the default locale's collator (the one JavaFX's default comparator asks for),
     * each made once, and the sort values of the rows of {@link #valueOfRowAlone} columns: a table keeps one while
     * its rows stay the same and {@link #clear}s it with them.
     */
    static final class CollationKeys {
        /** Per column: the comparator the values were made for, and each row's value (as {@link #sortKey} keeps it). */
        private final Map<TableColumn<?, ?>, Map.Entry<Comparator<?>, Map<Object, Object>>> rowValues = new HashMap<>();

        /** Where a sort by {@code column} keeps its rows' values: kept for a column of the row alone, else new. */
        @SuppressWarnings("unchecked")
        <S> Map<S, Object> rowValues(TableColumn<S, ?> column, Comparator<?> comparator, int rows) {
            if (!Boolean.TRUE.equals(column.getProperties().get(ROW_ALONE))) {
                return new IdentityHashMap<>(rows);
            }
            Map.Entry<Comparator<?>, Map<Object, Object>> kept = rowValues.get(column);
            if (kept == null || kept.getKey() != comparator) {
                kept = Map.entry(comparator, new IdentityHashMap<>(rows));
                rowValues.put(column, kept);
            }
            return (Map<S, Object>) (Map<?, ?>) kept.getValue();
        }

        /** Made at the first sort: building the locale's collation tables took 5 % of the window's start-up. */
        private Collator collator;
        private final Map<String, CollationKey> keys = new HashMap<>();

        CollationKey of(String text) {
            if (collator == null) {
                collator = Collator.getInstance();
            }
            return keys.computeIfAbsent(text, collator::getCollationKey);
        }

        /** Bumped by {@link #clear}: what {@link #prepare} made for rows since forgotten is dropped. */
        private volatile long generation;

        void clear() {
            generation++;
            keys.clear();
            rowValues.clear();
        }

        /**
         * Makes, on a background thread, what the first sort by each of {@code columns} would otherwise make on the FX
         * thread: each row's value and each string's collation key (10,000 paths: ~150 ms of the FX thread at the first
         * click on a header after a scan). Only columns of the row alone ({@link #valueOfRowAlone}) with JavaFX's
         * default comparator; their cell values are functions of the row, so they can be asked off the FX thread. The
         * result is handed over on the FX thread, unless the rows were {@link #clear}ed meanwhile; a sort that comes
         * first makes its own, as without this.
         */
        <S> void prepare(List<TableColumn<S, ?>> columns, List<S> rows) {
            List<TableColumn<S, ?>> wanted = columns.stream().filter(c -> Boolean.TRUE.equals(c.getProperties().get(ROW_ALONE))
                    && c.getComparator() == TableColumnBase.DEFAULT_COMPARATOR).toList();
            if (wanted.isEmpty() || rows.isEmpty()) {
                return;
            }
            long asked = generation;
            List<S> snapshot = List.copyOf(rows);
            Thread worker = new Thread(() -> {
                Collator own = Collator.getInstance(); // a collator is not thread-safe: this thread's own, same rules
                Map<String, CollationKey> made = new HashMap<>();
                Map<TableColumn<S, ?>, Map<Object, Object>> values = new HashMap<>();
                for (TableColumn<S, ?> column : wanted) {
                    Map<Object, Object> byRow = new IdentityHashMap<>(snapshot.size());
                    for (S row : snapshot) {
                        if (generation != asked) {
                            return;
                        }
                        Object value = column.getCellData(row);
                        byRow.put(row, value == null ? NULL : value instanceof String text ? made.computeIfAbsent(text, own::getCollationKey) : value);
                    }
                    values.put(column, byRow);
                }
                javafx.application.Platform.runLater(() -> {
                    if (generation != asked) {
                        return;
                    }
                    made.forEach(keys::putIfAbsent);
                    values.forEach((column, byRow) -> rowValues.putIfAbsent(column, Map.entry(TableColumnBase.DEFAULT_COMPARATOR, byRow)));
                });
            }, "dkm-sort-keys");
            worker.setDaemon(true);
            worker.setPriority(Thread.MIN_PRIORITY);
            worker.start();
        }
    }
}
