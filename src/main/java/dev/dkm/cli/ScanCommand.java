package dev.dkm.cli;

import dev.dkm.files.PathNames;
import dev.dkm.app.AppServices;
import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.task.Progress;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.ScanResult;
import dev.dkm.workspace.WorkspaceScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dkm scan ROOT…}: runs the workspace scan and prints a table or JSON. Exit 0 when the scan ran. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Find git repositories under ROOT folders and show how each one authenticates.")
final class ScanCommand implements Callable<Integer> {
    static final int EXIT_BAD_ROOT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ROOT", description = "Folders to scan (in each environment with --user/--all-users;"
            + " none: each one's remembered roots, else its home).")
    List<Path> roots = List.of();

    @CommandLine.Mixin
    EnvironmentOptions environments = new EnvironmentOptions();

    @Option(names = "--json", description = "Print a JSON array, one object per repository (tokens redacted).")
    boolean json;

    @Option(names = "--depth", paramLabel = "N", description = "Descend at most N folders below each root (default ${DEFAULT-VALUE}).")
    int depth = ScanOptions.DEFAULT_MAX_DEPTH;

    @Option(names = "--ignore", paramLabel = "NAME", description = "Also skip folders with this name (repeatable).")
    List<String> ignore = List.of();

    @Option(names = "--gitlab", description = "Also ask GitLab, per repository with a key of its own, whether that key is"
            + " a deploy key of its project, can push, and when it expires (the window's GitLab column).")
    boolean gitlab;

    private final CliContext context;

    ScanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (environments.any()) {
            return scanEnvironments(out, err);
        }
        if (roots.isEmpty()) {
            err.println("dkm scan: give ROOT folders to scan, or --user NAME / --all-users / --env-command TEMPLATE");
            err.flush();
            return EXIT_BAD_ROOT;
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                err.println("dkm scan: " + root + " is not a folder");
                err.flush();
                return EXIT_BAD_ROOT;
            }
        }
        ScanPhases phases = new ScanPhases();
        WorkspaceScanner scanner = new WorkspaceScanner(scanOptions());
        ScanResult result = scanner.scanAll(roots, System.console() != null ? new TerminalProgress(err, "scanning", "repos") : Progress.NONE);
        phases.scanned();
        Map<Path, ServerKeyStatus> server = Map.of();
        if (gitlab) {
            try (AppServices services = context.services(null)) {
                server = services.serverKeyStatus().lookup(result.repos(), Progress.NONE);
            }
        }
        if (json) {
            ScanJson.write(result.repos(), server, out);
            out.println();
        } else {
            out.print(ScanTable.write(result.repos(), gitlab ? server : null));
            out.println(result.summary().line());
        }
        out.flush();
        phases.finish(err);
        for (String note : result.notes()) {
            err.println("dkm scan: " + PathNames.visible(note));
        }
        for (String problem : ScanTable.problems(result.repos())) {
            err.println("dkm scan: " + problem);
        }
        err.flush();
        if (!result.unreadableFolders().isEmpty()) {
            err.println("dkm scan: skipped " + result.unreadableFolders().size() + " folder(s) that could not be read, e.g. "
                    + PathNames.display(result.unreadableFolders().get(0)));
            err.flush();
        }
        return 0;
    }

    private ScanOptions scanOptions() {
        Set<String> ignored = new HashSet<>(ScanOptions.DEFAULT_IGNORED);
        ignored.addAll(ignore);
        return new ScanOptions(depth, ignored);
    }

    /**
     * {@code --user}/{@code --all-users}/{@code --env-command}: each environment scanned by its own helper (ROOTs are paths
     * there, not here); a failed environment is one line with its reason, the others go on. Exit 1 when one failed.
     */
    private Integer scanEnvironments(PrintWriter out, PrintWriter err) throws java.io.IOException {
        if (gitlab) {
            err.println("dkm scan: --gitlab looks at this account's repositories only; leave it out with --user/--all-users");
            err.flush();
            return EXIT_BAD_ROOT;
        }
        List<dev.dkm.environments.EnvironmentSpec> specs = environments.specs();
        List<dev.dkm.environments.EnvironmentScan.Result> results;
        try (dev.dkm.environments.Environments envs = dev.dkm.environments.Environments.forThisProcess()) {
            results = new dev.dkm.environments.EnvironmentScan(envs, scanOptions()).scan(specs, roots,
                    System.console() != null ? new TerminalProgress(err, "scanning", "environments") : Progress.NONE);
        }
        java.util.Map<RepoInfoKey, String> envOf = new java.util.HashMap<>();
        java.util.List<dev.dkm.workspace.RepoInfo> repos = new java.util.ArrayList<>();
        java.util.Map<String, String> failed = new java.util.LinkedHashMap<>();
        for (var r : results) {
            if (r.failed()) {
                failed.put(r.environment(), r.failure());
            }
            r.repos().forEach(repo -> {
                repos.add(repo);
                envOf.put(new RepoInfoKey(repo), r.environment());
            });
        }
        java.util.function.Function<dev.dkm.workspace.RepoInfo, String> environmentOf = repo -> envOf.get(new RepoInfoKey(repo));
        if (json) {
            ScanJson.write(repos, Map.of(), environmentOf, failed, out);
            out.println();
        } else {
            out.print(ScanTable.write(repos, null, environmentOf));
            long withRepos = results.stream().filter(r -> !r.repos().isEmpty()).count();
            out.println(dev.dkm.workspace.ScanSummary.of(repos).line() + " in " + withRepos + " environment(s)");
            failed.forEach((env, why) -> out.println(env + ": " + dev.dkm.remote.UrlRedactor.redact(why)));
        }
        for (var r : results) {
            r.missingRoots().forEach(root -> err.println("dkm scan: " + r.environment() + ": " + root + " is not a folder there"));
        }
        err.flush();
        out.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    /** Rows of different environments may share a path: each row is itself. */
    private record RepoInfoKey(dev.dkm.workspace.RepoInfo repo) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RepoInfoKey k && k.repo == repo;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(repo);
        }
    }
}
