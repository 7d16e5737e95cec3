package dev.dkm.workspace;

import dev.dkm.files.BoundedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a {@code .git} entry into a {@link RepoLocation}: a directory is a normal repository; a file
 * ({@code gitdir: …}) is a linked worktree (its git dir sits under {@code …/worktrees/}) or a submodule
 * (under {@code …/modules/}); a worktree's config is in the common dir named by its {@code commondir} file.
 */
final class GitDirResolver {
    private GitDirResolver() {}

    static RepoLocation fromDotGitDirectory(Path workTree, Path dotGit) {
        return new RepoLocation(workTree, dotGit, dotGit, RepoLayout.NORMAL, null);
    }

    static RepoLocation bare(Path gitDir) {
        return new RepoLocation(gitDir, gitDir, gitDir, RepoLayout.BARE, null);
    }

    static RepoLocation fromDotGitFile(Path workTree, Path dotGit) {
        String content;
        try {
            content = BoundedReader.readText(dotGit).strip();
        } catch (IOException e) {
            return RepoLocation.broken(workTree, dotGit, RepoLayout.NORMAL, "cannot read .git file: " + IoReasons.of(e));
        }
        if (!content.startsWith("gitdir:")) {
            return RepoLocation.broken(workTree, dotGit, RepoLayout.NORMAL, ".git file does not start with 'gitdir:'");
        }
        Path gitDir = workTree.resolve(content.substring("gitdir:".length()).strip()).normalize();
        RepoLayout layout = layoutOf(gitDir);
        if (!Files.isDirectory(gitDir)) {
            return RepoLocation.broken(workTree, gitDir, layout, ".git file points at " + gitDir + ", which does not exist");
        }
        Path commonDir = gitDir;
        Path commondirFile = gitDir.resolve("commondir");
        try {
            if (Files.isRegularFile(commondirFile)) {
                commonDir = gitDir.resolve(BoundedReader.readText(commondirFile).strip()).normalize();
            }
        } catch (IOException e) {
            return RepoLocation.broken(workTree, gitDir, layout, "cannot read " + commondirFile + ": " + IoReasons.of(e));
        }
        return new RepoLocation(workTree, gitDir, commonDir, layout, null);
    }

    private static RepoLayout layoutOf(Path gitDir) {
        Path parent = gitDir.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("worktrees")) {
            return RepoLayout.WORKTREE;
        }
        for (Path part : gitDir) {
            if (part.toString().equals("modules")) {
                return RepoLayout.SUBMODULE;
            }
        }
        return RepoLayout.NORMAL; // git init --separate-git-dir
    }
}
