package dev.dkm.workspace;

import dev.dkm.task.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scan use case, shared by the window and {@code dkm scan}: finds the repositories under one or more
 * workspace roots (in parallel) and describes each one. Bad input never stops a scan: a repository that
 * cannot be read comes back with status {@link RepoStatus#ERROR} and a reason; a folder that cannot be
 * listed is skipped.
 */
public final class WorkspaceScanner {
    /**
     * Folder listing is I/O-bound: more threads than cores keeps the disk busy on a cold cache. The system
     * property {@code dkm.scan.parallelism} overrides it (for measuring).
     */
    private static final int PARALLELISM = Integer.getInteger("dkm.scan.parallelism",
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final ScanOptions options;
    private final GlobalGitConfig globalConfig;
    private final Path home;

    /** Reads the current user's global git config and expands {@code ~} to {@code user.home}. */
    public WorkspaceScanner(ScanOptions options) {
        this(options, GlobalGitConfig.forUser(userHome()), userHome());
    }

    /**
     * @param globalConfig where the global {@code insteadOf} rules come from (tests pass a temp file)
     * @param home         what {@code ~} in {@code core.sshCommand} means
     */
    public WorkspaceScanner(ScanOptions options, GlobalGitConfig globalConfig, Path home) {
        this.options = options;
        this.globalConfig = globalConfig;
        this.home = home;
    }

    public List<RepoInfo> scan(List<Path> roots, Progress progress) {
        return scanAll(roots, progress).repos();
    }

    /** Like {@link #scan} and also tells which folders could not be read. */
    public ScanResult scanAll(List<Path> roots, Progress progress) {
        ConfigStack stack = new ConfigStack(globalConfig.withDefaultHome(home));
        RepoReader reader = new RepoReader(stack, home);
        Queue<RepoInfo> repos = new ConcurrentLinkedQueue<>();
        Queue<Path> unreadable = new ConcurrentLinkedQueue<>();
        ThrottledCounter counter = new ThrottledCounter(progress);
        ForkJoinPool pool = new ForkJoinPool(PARALLELISM);
        try {
            for (Path root : roots) {
                Path absRoot = root.toAbsolutePath().normalize();
                RepoWalker walker = new RepoWalker(options, progress::isCancelled, location -> {
                    RepoInfo info = reader.read(location, absRoot);
                    repos.add(info);
                    counter.increment(info.path());
                }, unreadable::add);
                walker.walk(absRoot, pool);
            }
        } finally {
            pool.shutdown();
        }
        counter.finish();
        List<RepoInfo> sorted = new ArrayList<>(repos);
        sorted.sort(Comparator.comparing(RepoInfo::path));
        sorted = distinctPaths(sorted);
        List<Path> skipped = new ArrayList<>(unreadable);
        skipped.sort(Comparator.naturalOrder());
        return new ScanResult(sorted, skipped, stack.scanNotes());
    }

    /** Overlapping roots ({@code ~/src} and {@code ~/src/team}) find a repository twice: keep the first root's. */
    private static List<RepoInfo> distinctPaths(List<RepoInfo> sortedByPath) {
        List<RepoInfo> out = new ArrayList<>(sortedByPath.size());
        for (RepoInfo r : sortedByPath) {
            if (out.isEmpty() || !out.get(out.size() - 1).path().equals(r.path())) {
                out.add(r);
            }
        }
        return out;
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    /** Counts repositories and reports at most every 100 ms, so the UI thread is not flooded. */
    private static final class ThrottledCounter {
        private final Progress progress;
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lastReport = new AtomicLong(System.nanoTime());

        ThrottledCounter(Progress progress) {
            this.progress = progress;
        }

        void increment(Path repo) {
            long n = count.incrementAndGet();
            long now = System.nanoTime();
            long last = lastReport.get();
            if (now - last >= PROGRESS_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
                progress.update(n, -1, repo.toString());
            }
        }

        void finish() {
            progress.update(count.get(), count.get(), "done");
        }
    }
}
