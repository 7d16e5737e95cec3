package dev.dkm.workspace;

import java.util.Set;

/**
 * How far and where not to look.
 *
 * @param maxDepth     folders below a root to descend at most (0 = only the root itself)
 * @param ignoredNames folder names never entered (node_modules, .cache …)
 */
public record ScanOptions(int maxDepth, Set<String> ignoredNames) {
    public static final Set<String> DEFAULT_IGNORED = Set.of(
            "node_modules", ".cache", "target", "build", ".venv", "venv", "__pycache__", ".gradle", ".m2",
            ".npm", ".cargo", ".rustup", ".tox", ".mypy_cache", ".pytest_cache", "dist", ".idea", ".Trash");

    public static final int DEFAULT_MAX_DEPTH = 12;

    public ScanOptions {
        ignoredNames = Set.copyOf(ignoredNames);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_DEPTH, DEFAULT_IGNORED);
    }

    public ScanOptions withMaxDepth(int depth) {
        return new ScanOptions(depth, ignoredNames);
    }
}
