package dev.dkm.files;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not read because of what it is (a FIFO, a device, a folder, too large …); the message says why. */
public final class UnreadableFileException extends IOException {
    private final transient Path file;
    private final String reason;

    UnreadableFileException(Path file, String reason) {
        super(PathNames.display(file) + " " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** The reason alone, e.g. {@code "is a FIFO (named pipe), not a regular file"}. */
    public String reason() {
        return reason;
    }
}
