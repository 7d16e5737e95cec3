package dev.dkm.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line a user can act on for a failed file operation ("cannot write /x/runs: permission denied"), instead of an
 * exception's bare path or a stack trace. Not redacted here: callers pass it through the one redactor.
 */
public final class IoProblems {
    private IoProblems() {}

    public static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof UnreadableFileException || t instanceof LockHeldException) {
            return t.getMessage();
        }
        if (t instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : PathNames.visible(f.getFile());
            String why = t instanceof AccessDeniedException ? "permission denied"
                    : t instanceof NoSuchFileException ? "no such file or folder"
                    : t instanceof NotDirectoryException ? "not a folder"
                    : t instanceof FileAlreadyExistsException ? "something else is already there (a file where a folder should be?)"
                    : f.getReason() != null ? f.getReason() : t.getClass().getSimpleName();
            return file.isEmpty() ? why : file + ": " + why;
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : PathNames.visible(message.strip());
    }

    /** Whether {@code e} is a failure of the file system (not a bug): worth one line, not a stack trace. */
    public static boolean isIo(Throwable e) {
        return e instanceof IOException || e instanceof UncheckedIOException;
    }
}
