package dev.dkm.workspace;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;

/**
 * One config file git reads for a repository, parsed on its own (so that every value keeps the file it came from).
 *
 * @param includedFrom the file whose {@code include.path} / {@code includeIf …path} pulled it in, or null
 */
record ConfigLayer(Path file, Config config, Scope scope, Path includedFrom) {
    enum Scope { SYSTEM, GLOBAL, LOCAL, WORKTREE }

    boolean included() {
        return includedFrom != null;
    }

    /** The repository's own {@code config}: the only file whose tokens belong to that repository alone. */
    boolean repositoryOwn() {
        return (scope == Scope.LOCAL || scope == Scope.WORKTREE) && !included();
    }
}
