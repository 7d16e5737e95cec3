package dev.dkm.convert;

import dev.dkm.remote.UrlRedactor;
import java.nio.file.Path;

/**
 * How one repository ended in a run.
 *
 * @param reason      why it was skipped or failed (one sentence), null when converted
 * @param environment the environment the repository lives in, null for the caller's own account
 */
public record RepoOutcome(Path repo, String displayPath, String project, Outcome outcome, String reason, Long deployKeyId,
        String environment) {
    /** Free text passes the one redactor here, whatever built it (an exception message, git's stderr). */
    public RepoOutcome {
        reason = UrlRedactor.redact(reason);
    }

    /** A repository of the caller's own account. */
    public RepoOutcome(Path repo, String displayPath, String project, Outcome outcome, String reason, Long deployKeyId) {
        this(repo, displayPath, project, outcome, reason, deployKeyId, null);
    }

    public enum Outcome {
        CONVERTED("converted"), SKIPPED("skipped"), FAILED("failed");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
