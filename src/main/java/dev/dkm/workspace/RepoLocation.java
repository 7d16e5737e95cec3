package dev.dkm.workspace;

import java.nio.file.Path;

/**
 * Where a repository found by the walk keeps its things.
 *
 * @param path      the working tree, or the git dir itself for a bare repository
 * @param gitDir    the repository's own git dir (HEAD lives here; for a worktree, {@code …/worktrees/<name>})
 * @param commonDir the shared git dir (config and remotes live here); equal to gitDir except for worktrees
 * @param problem   why it cannot be read (a {@code .git} file pointing nowhere …), or null
 */
record RepoLocation(Path path, Path gitDir, Path commonDir, RepoLayout layout, String problem) {
    static RepoLocation broken(Path path, Path gitDir, RepoLayout layout, String problem) {
        return new RepoLocation(path, gitDir, gitDir, layout, problem);
    }
}
