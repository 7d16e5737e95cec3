package dev.dkm.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Walks a folder tree in parallel (one fork/join task per folder) and hands every repository it finds to a
 * consumer, on the worker thread that found it.
 * <ul>
 *   <li>descends into working trees (repositories nest), never into a {@code .git} directory nor into a bare
 *       repository;</li>
 *   <li>does not follow symbolic links to folders: no loops, no scanning the same tree twice;</li>
 *   <li>a folder it cannot list is skipped and counted, the walk goes on.</li>
 * </ul>
 */
final class RepoWalker {
    private final ScanOptions options;
    private final BooleanSupplier cancelled;
    private final Consumer<RepoLocation> found;
    private final Consumer<Path> unreadable;

    RepoWalker(ScanOptions options, BooleanSupplier cancelled, Consumer<RepoLocation> found, Consumer<Path> unreadable) {
        this.options = options;
        this.cancelled = cancelled;
        this.found = found;
        this.unreadable = unreadable;
    }

    void walk(Path root, ForkJoinPool pool) {
        pool.invoke(new FolderTask(root, 0));
    }

    private final class FolderTask extends RecursiveAction {
        private final Path dir;
        private final int depth;

        FolderTask(Path dir, int depth) {
            this.dir = dir;
            this.depth = depth;
        }

        @Override
        protected void compute() {
            if (cancelled.getAsBoolean()) {
                return;
            }
            List<Path> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    entries.add(entry);
                    names.add(entry.getFileName().toString());
                }
            } catch (IOException | RuntimeException e) {
                unreadable.accept(dir);
                return;
            }
            if (names.contains(".git")) {
                found.accept(locate(dir.resolve(".git")));
            } else if (names.contains("HEAD") && names.contains("objects") && names.contains("refs")) {
                found.accept(GitDirResolver.bare(dir));
                return; // a bare repository's insides are not working trees
            }
            if (depth >= options.maxDepth()) {
                return;
            }
            List<FolderTask> children = new ArrayList<>();
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(".git") || options.ignoredNames().contains(name)) {
                    continue;
                }
                if (isRealDirectory(entry)) {
                    children.add(new FolderTask(entry, depth + 1));
                }
            }
            invokeAll(children);
        }

        private RepoLocation locate(Path dotGit) {
            return Files.isDirectory(dotGit)
                    ? GitDirResolver.fromDotGitDirectory(dir, dotGit)
                    : GitDirResolver.fromDotGitFile(dir, dotGit);
        }
    }

    /** A directory, and not a symbolic link to one. */
    private static boolean isRealDirectory(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
