package dev.dkm.cli;

import dev.dkm.files.PathNames;
import dev.dkm.app.AppServices;
import dev.dkm.instances.ServerKeyStatus;
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

    @Parameters(arity = "1..*", paramLabel = "ROOT", description = "Folders to scan.")
    List<Path> roots;

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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                err.println("dkm scan: " + root + " is not a folder");
                err.flush();
                return EXIT_BAD_ROOT;
            }
        }
        Set<String> ignored = new HashSet<>(ScanOptions.DEFAULT_IGNORED);
        ignored.addAll(ignore);
        WorkspaceScanner scanner = new WorkspaceScanner(new ScanOptions(depth, ignored));
        ScanResult result = scanner.scanAll(roots, System.console() != null ? new TerminalProgress(err, "scanning", "repos") : Progress.NONE);
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
}
