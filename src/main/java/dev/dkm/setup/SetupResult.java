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
 * @param notes       what else the setup did or left alone, one sentence each (a token line taken out of a shared
 *                    credential store, or kept there because other repositories still use it)
 */
public record SetupResult(SetupPlan plan, String runId, List<StepOutcome> steps, boolean success, String failure,
        GitErrorExplainer.Cause cause, Long deployKeyId, String limitation, List<String> notes) {
    public SetupResult {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public SetupResult(SetupPlan plan, String runId, List<StepOutcome> steps, boolean success, String failure,
            GitErrorExplainer.Cause cause, Long deployKeyId, String limitation) {
        this(plan, runId, steps, success, failure, cause, deployKeyId, limitation, List.of());
    }

    public SetupResult withNotes(List<String> more) {
        return new SetupResult(plan, runId, steps, success, failure, cause, deployKeyId, limitation, more);
    }

    /** Set up and nothing left that GitLab will refuse: only then may a user interface say "Done". */
    public boolean complete() {
        return success && limitation == null;
    }
}
