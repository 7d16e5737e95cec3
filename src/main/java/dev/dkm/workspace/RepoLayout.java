package dev.dkm.workspace;

/** How the repository's git directory was found. */
public enum RepoLayout {
    /** A working tree with a {@code .git} directory. */
    NORMAL("normal"),
    /** A linked worktree: {@code .git} is a file pointing into another repository's {@code worktrees/}. */
    WORKTREE("worktree"),
    /** A submodule: {@code .git} is a file pointing into the superproject's {@code modules/}. */
    SUBMODULE("submodule"),
    /** A bare repository: the folder itself is the git directory. */
    BARE("bare");

    private final String id;

    RepoLayout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
