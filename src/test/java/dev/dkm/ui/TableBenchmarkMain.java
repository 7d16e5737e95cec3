package dev.dkm.ui;

import dev.dkm.settings.Theme;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The 10,000-repository table of bench/gui-benchmark.sh (not a test): the real main window scans ROOT, then
 * this measures, on the FX thread, typing into the filter field and sorting by each column (each until the
 * table is laid out again), the heap that is live after the scan, and the frame intervals while the table
 * scrolls from top to bottom, three rows a frame. Prints one line per figure.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/dkm.jar dev.dkm.ui.TableBenchmarkMain ROOT}
 */
public final class TableBenchmarkMain {
    private static final double FRAME_MS = 1000.0 / 60;
    /** Rounds of filtering and sorting; the first is a warm-up (its sorts are printed as the first after the scan). */
    private static final int ROUNDS = Integer.getInteger("dkm.bench.rounds", 2);

    private TableBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        TaskExecutor executor = TaskExecutor.background(Platform::runLater);
        long heapBefore = liveHeap();

        MainWindowViewModel vm = onFx(() -> new MainWindowViewModel(executor, RepoScan.withDefaults(),
                WorkspaceRootsStore.inMemory(List.of(root))));
        MainWindowView view = onFx(() -> new MainWindowView(vm, owner -> Optional.empty(), Theme.LIGHT));
        Scene scene = onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(view.createScene());
            stage.show();
            return stage.getScene();
        });
        long scanStart = System.nanoTime();
        onFx(() -> {
            vm.scan();
            return null;
        });
        while (onFx(() -> !vm.scanStateProperty().get().isFinished())) {
            Thread.sleep(20);
        }
        double scanMs = (System.nanoTime() - scanStart) / 1e6;
        int rows = onFx(() -> vm.repos().size());
        Thread.sleep(500); // let what follows a scan (counts, the details pane) settle
        long heapAfter = liveHeap();
        System.out.printf(Locale.ROOT, "repositories in the table: %d (scan in the window: %.0f ms)%n", rows, scanMs);
        System.out.printf(Locale.ROOT, "heap live after the scan (after full GC): %.1f MB (%.1f MB before the window; target <= 200 MB)%n",
                heapAfter / 1e6, heapBefore / 1e6);

        @SuppressWarnings("unchecked")
        TableView<RepoInfo> table = onFx(() -> (TableView<RepoInfo>) scene.lookup("#repoTable"));
        TextField filter = onFx(() -> (TextField) scene.lookup("#filterField"));

        // Filter: what typing does (the field is bound to the view model), until the table is laid out again.
        List<Double> filterMs = new ArrayList<>();
        String[] texts = {"repo-0042", "group-07", "sub-1", "token", "", "repo-09999", "ssh", ""};
        for (int round = 0; round < ROUNDS; round++) {
            for (String text : texts) {
                double ms = timedOnFx(scene, () -> filter.setText(text));
                int visible = onFx(() -> table.getItems().size());
                if (round >= 1) {
                    filterMs.add(ms);
                    System.out.printf(Locale.ROOT, "filter %-12s %6d rows %7.1f ms CPU (%5.1f the change, the rest the layout) %8.1f ms wall%n",
                            "\"" + text + "\"", visible, ms, lastChange(), lastWall());
                }
            }
        }
        // Sort by each sortable column, both ways, over all rows, as clicking its header does: the first click sorts
        // by the column, the second turns its sort type (one sort each). The first round is the first sort by each
        // column since the scan (the collation keys of its strings are made then), printed on its own.
        List<Double> sortMs = new ArrayList<>();
        List<Double> firstSortMs = new ArrayList<>();
        List<TableColumn<RepoInfo, ?>> columns = onFx(() -> List.copyOf(table.getColumns()));
        for (int round = 0; round < ROUNDS; round++) {
            for (TableColumn<RepoInfo, ?> column : columns) {
                if (!column.isSortable()) {
                    continue;
                }
                for (TableColumn.SortType type : TableColumn.SortType.values()) {
                    double ms = timedOnFx(scene, () -> {
                        column.setSortType(type);
                        if (!table.getSortOrder().equals(List.of(column))) {
                            table.getSortOrder().setAll(List.of(column));
                        }
                    });
                    if (round == 0) {
                        firstSortMs.add(ms);
                    } else {
                        sortMs.add(ms);
                        System.out.printf(Locale.ROOT, "sort %-20s %-10s %7.1f ms CPU (%5.1f the change, the rest the layout) %8.1f ms wall%n",
                                column.getText(), type, ms, lastChange(), lastWall());
                    }
                }
            }
        }
        onFx(() -> {
            table.getSortOrder().clear();
            return null;
        });
        System.out.printf(Locale.ROOT, "filter: worst %.1f ms, median %.1f ms of the FX thread's CPU (target <= 50 ms)%n", max(filterMs), median(filterMs));
        System.out.printf(Locale.ROOT, "sort:   worst %.1f ms, median %.1f ms of the FX thread's CPU (target <= 50 ms)%n", max(sortMs), median(sortMs));
        System.out.printf(Locale.ROOT, "first sort by each column after the scan: worst %.1f ms, median %.1f ms of the FX thread's CPU%n",
                max(firstSortMs), median(firstSortMs));

        // Scroll: three rows a frame, top to bottom, as the pulses come; the interval between frames is what
        // the eye sees.
        if (!Boolean.parseBoolean(System.getProperty("dkm.bench.scroll", "true"))) {
            System.exit(0);
        }
        List<Double> frames = scroll(table, rows);
        long stalls = frames.stream().filter(ms -> ms > 2 * FRAME_MS).count();
        System.out.printf(Locale.ROOT, "scroll: %d frames, interval median %.1f ms, 99th percentile %.1f ms, worst %.1f ms; "
                + "%d frames over %.0f ms (two 60 Hz frames)%n", frames.size(), median(frames), percentile(frames, 0.99),
                max(frames), stalls, 2 * FRAME_MS);
        System.out.printf(Locale.ROOT, "heap live at the end: %.1f MB; JVM: %s, %d cores%n", liveHeap() / 1e6,
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static List<Double> scroll(TableView<RepoInfo> table, int rows) throws Exception {
        List<Double> intervals = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private long last;
            private int row;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    intervals.add((now - last) / 1e6);
                }
                last = now;
                row += 3;
                if (row >= rows) {
                    stop();
                    done.complete(null);
                    return;
                }
                table.scrollTo(row);
            }
        }.start());
        done.get(10, TimeUnit.MINUTES);
        return new ArrayList<>(intervals);
    }

    /**
     * Runs the change on the FX thread and lays the scene out, as the next pulse would; the milliseconds of CPU the
     * FX thread spent on it (on a machine shared with other work the wall clock mostly measures the others; the
     * wall-clock milliseconds are added to {@link #WALL}).
     */
    private static double timedOnFx(Scene scene, Runnable change) throws Exception {
        return onFx(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            change.run();
            CHANGE_CPU.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WALL.add((System.nanoTime() - start) / 1e6);
            return (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        });
    }

    /** The wall-clock milliseconds of each {@link #timedOnFx}, in order. */
    private static final List<Double> WALL = Collections.synchronizedList(new ArrayList<>());

    /** The FX thread's CPU milliseconds of each {@link #timedOnFx}'s change alone, before the layout, in order. */
    private static final List<Double> CHANGE_CPU = Collections.synchronizedList(new ArrayList<>());

    private static double lastWall() {
        return WALL.get(WALL.size() - 1);
    }

    private static double lastChange() {
        return CHANGE_CPU.get(CHANGE_CPU.size() - 1);
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
