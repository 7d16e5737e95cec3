package dev.dkm.workspace;

import dev.dkm.files.UnreadableFileException;
import dev.dkm.remote.UrlRedactor;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One short human line for an I/O failure, with nothing in it that could be a token. */
final class IoReasons {
    private IoReasons() {}

    static String of(Exception e) {
        if (e instanceof UnreadableFileException u) {
            return u.getMessage(); // "<file> is a FIFO (named pipe), not a regular file; not reading it"
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied (" + a.getFile() + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return oneLine(message);
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return UrlRedactor.redact(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    /** For exceptions that are not I/O (unexpected bugs): still one line, still redacted. */
    static String unexpected(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }
}
