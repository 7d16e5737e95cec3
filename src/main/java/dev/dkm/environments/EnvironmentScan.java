package dev.dkm.environments;

import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.ScanResult;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scan use case over many environments ({@code dkm scan --user/--all-users}, the window's environments): each one
 * scanned by its own helper, a few at a time; the caller's own account in this process. An environment that fails is
 * one result with its reason, and the others go on.
 */
public final class EnvironmentScan {
    /** Helpers started at once: each is a JVM, and a start costs about a second of one core. */
    static final int PARALLEL = 3;

    private final Environments environments;
    private final ScanOptions options;

    public EnvironmentScan(Environments environments, ScanOptions options) {
        this.environments = environments;
        this.options = options;
    }

    /**
     * One environment's repositories, or why there are none.
     *
     * @param roots   the roots scanned there (given, remembered, or the home)
     * @param failure one sentence when the environment could not be scanned, else null
     */
    public record Result(EnvironmentSpec spec, List<Path> roots, List<Path> missingRoots, List<RepoInfo> repos,
            List<Path> unreadable, String failure) {
        public Result {
            roots = List.copyOf(roots);
            missingRoots = List.copyOf(missingRoots);
            repos = List.copyOf(repos);
            unreadable = List.copyOf(unreadable);
        }

        public boolean failed() {
            return failure != null;
        }

        public String environment() {
            return spec.id();
        }
    }

    /** Every local account with a home of its own, this one included. */
    public static List<EnvironmentSpec> allUsers() throws java.io.IOException {
        return AccountDirectory.withOwnHome().stream().map(a -> EnvironmentSpec.account(a.name())).toList();
    }

    /**
     * @param roots the same roots in every environment, or empty: each one's remembered roots, else its home
     */
    public List<Result> scan(List<EnvironmentSpec> specs, List<Path> roots, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL, specs.size())), r -> {
            Thread t = new Thread(r, "dkm-env-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (EnvironmentSpec spec : specs) {
                futures.add(pool.submit(() -> scanOne(spec, roots)));
            }
            List<Result> results = new ArrayList<>();
            int done = 0;
            for (int i = 0; i < futures.size(); i++) {
                Result r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    r = new Result(specs.get(i), roots, List.of(), List.of(), List.of(), "unexpected: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                results.add(r);
                progress.update(++done, specs.size(), r.environment());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result scanOne(EnvironmentSpec spec, List<Path> roots) {
        if (environments.isCaller(spec)) {
            List<Path> here = roots.isEmpty() ? RememberedRoots.orHome(Path.of(System.getProperty("user.home"))) : roots;
            ScanResult r = new WorkspaceScanner(options).scanAll(here.stream().filter(Files::isDirectory).toList(), Progress.NONE);
            return new Result(spec, here, here.stream().filter(p -> !Files.isDirectory(p)).toList(), r.repos(),
                    r.unreadableFolders(), null);
        }
        try {
            HelperSide side = environments.open(spec);
            HelperSide.Scan s = side.scan(roots, options);
            return new Result(spec, s.roots(), s.missingRoots(), s.repos(), s.unreadable(), null);
        } catch (EnvironmentException e) {
            return new Result(spec, roots, List.of(), List.of(), List.of(), e.getMessage());
        }
    }
}
