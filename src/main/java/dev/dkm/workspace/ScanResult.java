package dev.dkm.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one scan found: the repositories, sorted by path, and the folders it could not list
 * (permission denied …), which it skipped.
 */
public record ScanResult(List<RepoInfo> repos, List<Path> unreadableFolders) {
    public ScanResult {
        repos = List.copyOf(repos);
        unreadableFolders = List.copyOf(unreadableFolders);
    }

    public ScanSummary summary() {
        return ScanSummary.of(repos);
    }
}
