package dev.dkm.setup;

import dev.dkm.remote.UrlRedactor;

/** How one step ended, with one line for people. */
public record StepOutcome(SetupStep step, Status status, String message) {
    /** Free text passes the one redactor here, whatever built it (an exception message, git's stderr). */
    public StepOutcome {
        message = UrlRedactor.redact(message);
    }

    public enum Status { DONE, SKIPPED, FAILED, ROLLED_BACK }

    static StepOutcome done(SetupStep step, String message) {
        return new StepOutcome(step, Status.DONE, message);
    }

    static StepOutcome skipped(SetupStep step, String message) {
        return new StepOutcome(step, Status.SKIPPED, message);
    }

    static StepOutcome failed(SetupStep step, String message) {
        return new StepOutcome(step, Status.FAILED, message);
    }
}
