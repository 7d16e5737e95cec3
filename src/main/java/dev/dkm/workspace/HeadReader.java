package dev.dkm.workspace;

import dev.dkm.files.BoundedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The current branch from {@code HEAD}, read directly as JGit's RefDirectory does: {@code ref: refs/heads/x}
 * gives {@code x} whether or not the branch has commits yet; a detached HEAD gives null.
 */
final class HeadReader {
    private static final String SYMREF = "ref:";
    private static final String HEADS = "refs/heads/";

    private HeadReader() {}

    static String branch(Path gitDir) throws IOException {
        String head = BoundedReader.readText(gitDir.resolve("HEAD")).strip();
        if (!head.startsWith(SYMREF)) {
            return null;
        }
        String ref = head.substring(SYMREF.length()).strip();
        return ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : ref;
    }
}
