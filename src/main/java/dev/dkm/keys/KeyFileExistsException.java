package dev.dkm.keys;

import java.nio.file.Path;

/** A key file is never overwritten: this says which one was in the way. */
public final class KeyFileExistsException extends java.io.IOException {
    private final Path path;

    public KeyFileExistsException(Path path) {
        super("key file already exists, not overwriting: " + path);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
