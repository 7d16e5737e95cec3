package dev.dkm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@code dkm scan}'s time goes, for bench/scan-benchmark.sh: switched on by {@code -Ddkm.bench.scanPhases=true}
 * (the benchmark passes it in one extra run, never in the timed ones), it prints one line to stderr at the end. Off,
 * it costs two clock reads.
 *
 * <p>Wall clock: from the JVM's start to the scan's (the JVM, dkm's start-up and the command line), the walk and
 * the reading of every repository, and the output. CPU, from Linux's per-thread accounting
 * ({@code /proc/self/task/TID/stat}): the JIT compiler's threads, the garbage collector's, the main thread's, and the
 * rest (the walk's threads, gone by then: the process's total less the others).
 */
final class ScanPhases {
    static final String PROPERTY = "dkm.bench.scanPhases";

    private final long startedAt = System.currentTimeMillis();
    private long scannedAt;

    void scanned() {
        scannedAt = System.currentTimeMillis();
    }

    void finish(PrintWriter err) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long doneAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long hz = 100; // USER_HZ: 100 on every Linux architecture dkm ships for
        long[] total = ticks(Path.of("/proc/self/stat"));
        long compiler = 0;
        long gc = 0;
        long main = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name = comm(task);
                long[] t = ticks(task.resolve("stat"));
                long cpu = t[0] + t[1];
                if (name.contains("CompilerThre")) {
                    compiler += cpu;
                } else if (name.startsWith("GC ") || name.equals("VM Thread") || name.startsWith("G1 ")) {
                    gc += cpu;
                } else if (name.equals("main") || name.equals("java")) {
                    main += cpu;
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("dkm scan phases: cannot read /proc/self/task (" + e.getMessage() + ")");
            err.flush();
            return;
        }
        long all = total[0] + total[1];
        err.printf("dkm scan phases: wall %d ms before the scan (JVM and dkm start-up), %d ms walking and reading, %d ms"
                        + " writing; CPU %d ms (user %d, system %d) = JIT compiler %d + GC %d + main thread %d + walk threads"
                        + " and the rest %d%n",
                startedAt - jvmStart, scannedAt - startedAt, doneAt - scannedAt, all * 1000 / hz, total[0] * 1000 / hz,
                total[1] * 1000 / hz, compiler * 1000 / hz, gc * 1000 / hz, main * 1000 / hz,
                (all - compiler - gc - main) * 1000 / hz);
        err.flush();
    }

    private static String comm(Path task) throws IOException {
        return Files.readString(task.resolve("comm")).strip();
    }

    /** utime and stime, in clock ticks: fields 14 and 15 of {@code stat}, counted after the parenthesised name. */
    private static long[] ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
