package dev.dkm.files;

import java.io.IOException;
import java.nio.file.Path;

/** Someone holds git's lock on a file ({@code <file>.lock} exists): git is writing it, or a crashed git left it. */
public final class LockHeldException extends IOException {
    private final transient Path lockFile;

    LockHeldException(Path file, Path lockFile) {
        super("cannot lock " + PathNames.display(file) + ": " + PathNames.display(lockFile)
                + " exists (is git running there? if not, a crashed git left it: remove it)");
        this.lockFile = lockFile;
    }

    public Path lockFile() {
        return lockFile;
    }
}
