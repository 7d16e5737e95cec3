package dev.dkm.ui;

import dev.dkm.task.BackgroundTask;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.StepReport;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The use cases the tokens dashboard calls; the main window builds them for the current workspace and instance.
 *
 * @param collect      collects the credentials (scan + {@link dev.dkm.tokens.CredentialCollector}); runs off the FX thread
 * @param creation     creates deploy tokens for the wizard; null hides the wizard
 * @param rotation     makes a deploy-token rotation that reports each step to the given listener; null hides "Rotate"
 * @param registry     where "Log Docker in" writes (docker's config.json for the instance's registry); null hides it
 * @param reminderDays the expiry thresholds (settings), used for the ICS reminders
 */
public record TokensServices(BackgroundTask<CollectionResult> collect, DeployTokenCreation creation,
        Function<Consumer<StepReport>, DeployTokenRotation> rotation, RegistryTarget registry,
        List<Integer> reminderDays) {
    public TokensServices {
        reminderDays = List.copyOf(reminderDays);
    }
}
