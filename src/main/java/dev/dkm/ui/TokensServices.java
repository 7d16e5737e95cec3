package dev.dkm.ui;

import dev.dkm.task.BackgroundTask;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.tokens.StepReport;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The use cases the tokens dashboard calls; the main window builds them over {@link dev.dkm.app.TokenManagement}, so
 * that each looks the instance up when it is used (an instance added or logged in to meanwhile is seen).
 *
 * @param collect      collects the credentials (scan + {@link dev.dkm.tokens.CredentialCollector}); runs off the FX thread
 * @param creation     creates deploy tokens for the wizard; null hides the wizard
 * @param rotation     makes a deploy-token rotation on the token's instance (its base URL) that reports each step to the
 *                     given listener; null hides "Rotate"
 * @param registryNow  where "Log Docker in" writes (docker's config.json for the instance's registry), asked on each
 *                     use; null, or a supplier giving null, hides it
 * @param thresholds   the expiry thresholds (settings, read on each use so that Preferences take effect), used for
 *                     the attention count and the ICS reminders
 * @param collectInspectingUrlTokens the same collection, also asking GitLab about each access token found in a
 *                     remote URL ({@code /personal_access_tokens/self}, once per token) — only with the user's consent;
 *                     null hides the choice
 */
public record TokensServices(BackgroundTask<CollectionResult> collect, DeployTokenCreation creation,
        BiFunction<String, Consumer<StepReport>, DeployTokenRotation> rotation, Supplier<RegistryTarget> registryNow,
        Supplier<List<Integer>> thresholds, BackgroundTask<CollectionResult> collectInspectingUrlTokens) {

    /** Without the choice to inspect tokens found in remotes, with one client for every rotation and a fixed registry. */
    public TokensServices(BackgroundTask<CollectionResult> collect, DeployTokenCreation creation,
            Function<Consumer<StepReport>, DeployTokenRotation> rotation, RegistryTarget registry,
            Supplier<List<Integer>> thresholds) {
        this(collect, creation, rotation == null ? null : (instance, listener) -> rotation.apply(listener),
                () -> registry, thresholds, null);
    }

    /** Fixed thresholds. */
    public TokensServices(BackgroundTask<CollectionResult> collect, DeployTokenCreation creation,
            Function<Consumer<StepReport>, DeployTokenRotation> rotation, RegistryTarget registry, List<Integer> reminderDays) {
        this(collect, creation, rotation, registry, fixed(reminderDays));
    }

    private static Supplier<List<Integer>> fixed(List<Integer> days) {
        List<Integer> copy = List.copyOf(days);
        return () -> copy;
    }

    /** Where "Log Docker in" writes now, or null (no registry for the instance). */
    public RegistryTarget registry() {
        return registryNow == null ? null : registryNow.get();
    }

    /** The thresholds now, largest first. */
    public List<Integer> reminderDays() {
        return List.copyOf(thresholds.get());
    }
}
