package dev.dkm.workspace;

import dev.dkm.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the repositories under one or more workspace roots and describes each one.
 * Bad input never stops a scan: a repository that cannot be read comes back with status {@code error}.
 *
 * <p>Seed implementation: normal repositories only, sequential. To be replaced by the full scanner.
 */
public final class WorkspaceScanner {
    private final ScanOptions options;

    public WorkspaceScanner(ScanOptions options) {
        this.options = options;
    }

    public List<RepoInfo> scan(List<Path> roots, Progress progress) {
        List<RepoInfo> found = new ArrayList<>();
        for (Path root : roots) {
            Path absRoot = root.toAbsolutePath().normalize();
            try (Stream<Path> walk = Files.walk(absRoot, options.maxDepth())) {
                walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(".git"))
                        .forEach(git -> {
                            if (progress.isCancelled()) {
                                return;
                            }
                            found.add(RepoReader.read(git.getParent(), absRoot));
                            progress.update(found.size(), -1, git.getParent().toString());
                        });
            } catch (IOException | RuntimeException e) {
                // an unreadable root gives no repositories; the rest goes on
            }
        }
        found.sort(Comparator.comparing(RepoInfo::path));
        return found;
    }
}
