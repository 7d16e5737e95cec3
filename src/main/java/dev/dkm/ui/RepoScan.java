package dev.dkm.ui;

import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.util.List;

/** The scan use case as the window sees it; tests pass their own. */
@FunctionalInterface
public interface RepoScan {
    List<RepoInfo> scan(List<Path> roots, Progress progress);

    static RepoScan withDefaults() {
        return new WorkspaceScanner(ScanOptions.defaults())::scan;
    }
}
