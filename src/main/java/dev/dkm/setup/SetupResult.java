package dev.dkm.setup;

import java.util.List;

/**
 * How a setup ended.
 *
 * @param failure     one sentence saying what went wrong and what to do, or null on success
 * @param limitation  on success, one sentence about what GitLab will still refuse (pushes to a protected default branch
 *                    this GitLab cannot open to the key), or null when the setup is complete
 * @param cause       the kind of git/ssh failure when verification failed, else null
 * @param deployKeyId the deploy key on the project (null when registration never happened or was rolled back)
 */
public record SetupResult(SetupPlan plan, String runId, List<StepOutcome> steps, boolean success, String failure,
        GitErrorExplainer.Cause cause, Long deployKeyId, String limitation) {
    public SetupResult {
        steps = List.copyOf(steps);
    }

    /** Set up and nothing left that GitLab will refuse: only then may a user interface say "Done". */
    public boolean complete() {
        return success && limitation == null;
    }
}
