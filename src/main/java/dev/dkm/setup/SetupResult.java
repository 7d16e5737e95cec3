package dev.dkm.setup;

import java.util.List;

/**
 * How a setup ended.
 *
 * @param failure     one sentence saying what went wrong and what to do, or null on success
 * @param cause       the kind of git/ssh failure when verification failed, else null
 * @param deployKeyId the deploy key on the project (null when registration never happened or was rolled back)
 */
public record SetupResult(SetupPlan plan, String runId, List<StepOutcome> steps, boolean success, String failure,
        GitErrorExplainer.Cause cause, Long deployKeyId) {
    public SetupResult {
        steps = List.copyOf(steps);
    }
}
