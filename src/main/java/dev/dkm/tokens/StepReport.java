package dev.dkm.tokens;

import dev.dkm.remote.UrlRedactor;

/** What happened to one step of a rotation; {@code detail} is one line for people and never holds a token. */
public record StepReport(RotationStep step, Status status, String detail) {
    /** Free text passes the one redactor here, whatever built it (an exception message, git's stderr). */
    public StepReport {
        detail = UrlRedactor.redact(detail);
    }

    /** DONE, SKIPPED (nothing to do here) and FAILED happen going forward; UNDONE and UNDO_FAILED while rolling back. */
    public enum Status { DONE, SKIPPED, FAILED, UNDONE, UNDO_FAILED }

    @Override
    public String toString() {
        return step.label() + ": " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail == null ? "" : " (" + detail + ")");
    }
}
