package dev.dkm.workspace;

import dev.dkm.files.PathNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>names are bytes: a folder whose entries' names the locale cannot decode is listed again as {@link Path}s,
 *       which keep the bytes, so a repository named in Latin-1 (or anything under the C locale) is found;</li>
 *   <li>a folder it cannot list is skipped and counted, the walk goes on (a folder without subfolders is
 *       probed, not listed: if it is unreadable, it is skipped without being counted);</li>
 *   <li>like find(1), it trusts a folder's link count (2 + its number of subfolders, on ext4, xfs, tmpfs …;
 *       see {@link FolderStat}) to stop looking at entries once every subfolder is found: most entries are
 *       files, and not calling {@code lstat} on them is most of the speed of a scan.</li>
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
        FolderStat.LinkCounts counts = FolderStat.LinkCounts.forRoot(root);
        pool.invoke(new FolderTask(root, 0, FolderStat.subfolderCount(root, counts), counts, false));
    }

    private final class FolderTask extends RecursiveAction {
        private final Path dir;
        private final int depth;
        /** How many subfolders the link count promises, or -1 when the file system does not say. */
        private final int subfolders;
        private final FolderStat.LinkCounts counts;
        /** Whether this folder's path cannot be named by a String (java.io.File): use Path operations only. */
        private final boolean lossy;

        FolderTask(Path dir, int depth, int subfolders, FolderStat.LinkCounts counts, boolean lossy) {
            this.lossy = lossy;
            this.dir = dir;
            this.depth = depth;
            this.subfolders = subfolders;
            this.counts = counts;
        }

        @Override
        protected void compute() {
            if (cancelled.getAsBoolean()) {
                return;
            }
            if (subfolders == 0) {
                probeLeaf();
                return;
            }
            // Names are bytes. A name the locale cannot decode comes back from File.list() as '?' or U+FFFD and
            // no longer names the entry: such a folder (and any below it) is listed as Paths, which keep the bytes.
            Path[] entries = null;
            String[] names = lossy ? null : dir.toFile().list(); // names only: no Path object per entry
            if (lossy || (names != null && anyLossy(names))) {
                entries = listKeepingBytes();
                if (entries != null) {
                    names = new String[entries.length];
                    for (int i = 0; i < entries.length; i++) {
                        names[i] = entries[i].getFileName().toString();
                    }
                }
            }
            if (names == null) {
                unreadable.accept(dir);
                return;
            }
            boolean hasDotGit = false;
            int gitDirMarkers = 0;
            for (String name : names) {
                switch (name) {
                    case ".git" -> hasDotGit = true;
                    case "HEAD", "objects", "refs" -> gitDirMarkers++;
                    default -> { }
                }
            }
            // Subfolders not yet seen; once none are left, the remaining entries are files and need no stat.
            int unseen = subfolders < 0 ? Integer.MAX_VALUE : subfolders;
            if (hasDotGit) {
                Path dotGit = dir.resolve(".git");
                FolderStat git = FolderStat.of(dotGit, counts);
                if (git.isFolder()) {
                    unseen--;
                }
                found.accept(git.isFolder() || Files.isDirectory(dotGit) // a symlinked .git dir is followed
                        ? GitDirResolver.fromDotGitDirectory(dir, dotGit)
                        : GitDirResolver.fromDotGitFile(dir, dotGit));
            } else if (gitDirMarkers == 3) {
                found.accept(GitDirResolver.bare(dir));
                return; // a bare repository's insides are not working trees
            }
            if (depth >= options.maxDepth()) {
                return;
            }
            List<FolderTask> children = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (unseen <= 0) {
                    break;
                }
                if (name.equals(".git") || options.ignoredNames().contains(name)) {
                    continue;
                }
                Path entry = entries != null ? entries[i] : dir.resolve(name);
                FolderStat stat = FolderStat.of(entry, counts);
                if (stat.isFolder()) {
                    unseen--;
                    children.add(new FolderTask(entry, depth + 1, stat.subfolders(), counts, lossy || (entries != null && PathNames.mayBeLossy(name))));
                }
            }
            invokeAll(children);
        }

        /**
         * A folder without subfolders can hold no bare repository and nothing to descend into: the only
         * question is whether it has a {@code .git} (a file, then: a worktree or submodule), and one
         * {@code stat} answers it without listing the folder.
         */
        private void probeLeaf() {
            if (lossy) {
                Path dotGit = dir.resolve(".git");
                if (Files.isRegularFile(dotGit)) {
                    found.accept(GitDirResolver.fromDotGitFile(dir, dotGit));
                } else if (Files.isDirectory(dotGit)) {
                    found.accept(GitDirResolver.fromDotGitDirectory(dir, dotGit));
                }
                return;
            }
            File dotGit = new File(dir.toFile(), ".git");
            if (!dotGit.exists()) {
                return; // the common case, in one stat
            }
            if (dotGit.isFile()) {
                found.accept(GitDirResolver.fromDotGitFile(dir, dotGit.toPath()));
            } else if (dotGit.isDirectory()) {
                found.accept(GitDirResolver.fromDotGitDirectory(dir, dotGit.toPath()));
            }
        }

        private Path[] listKeepingBytes() {
            List<Path> list = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(list::add);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return list.toArray(Path[]::new);
        }
    }

    private static boolean anyLossy(String[] names) {
        for (String name : names) {
            if (PathNames.mayBeLossy(name)) {
                return true;
            }
        }
        return false;
    }
}
