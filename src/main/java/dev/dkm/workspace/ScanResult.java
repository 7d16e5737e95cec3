package dev.dkm.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one scan found: the repositories, sorted by path, the folders it could not list
 * (permission denied …), which it skipped, and one line per problem with a file shared by many repositories
 * (a global include that cannot be read, a credential-store line git skips).
 */
public record ScanResult(List<RepoInfo> repos, List<Path> unreadableFolders, List<String> notes) {
    public ScanResult {
        repos = List.copyOf(repos);
        unreadableFolders = List.copyOf(unreadableFolders);
        notes = List.copyOf(notes);
    }

    public ScanResult(List<RepoInfo> repos, List<Path> unreadableFolders) {
        this(repos, unreadableFolders, List.of());
    }

    public ScanSummary summary() {
        return ScanSummary.of(repos);
    }
}
