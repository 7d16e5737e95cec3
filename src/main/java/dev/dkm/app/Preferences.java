package dev.dkm.app;

import dev.dkm.settings.KeyStrategy;
import dev.dkm.settings.Settings;
import dev.dkm.setup.SetupOptions;
import java.util.List;

/**
 * The defaults a user can change in "Preferences": which key a setup or a conversion starts with, whether keys are
 * registered read-only, and the expiry reminder thresholds. Saved with {@link AppServices#savePreferences(Preferences)}.
 *
 * @param expiryThresholdDays positive, largest first (see {@link dev.dkm.settings.ExpiryThresholds#parse(String)})
 */
public record Preferences(KeyStrategy keyStrategy, boolean readOnlyByDefault, List<Integer> expiryThresholdDays) {
    public Preferences {
        keyStrategy = keyStrategy == null ? KeyStrategy.ONE_KEY_PER_REPOSITORY : keyStrategy;
        expiryThresholdDays = List.copyOf(expiryThresholdDays);
    }

    public static Preferences of(Settings settings) {
        return new Preferences(settings.keyStrategy(), settings.readOnlyByDefault(), settings.expiryThresholdDays());
    }

    /** {@code settings} with these defaults; everything else (instances, roots, theme) as it was. */
    public Settings applyTo(Settings settings) {
        return settings.withKeyStrategy(keyStrategy).withReadOnlyByDefault(readOnlyByDefault)
                .withExpiryThresholdDays(expiryThresholdDays);
    }

    /** What "Set up deploy key", "Convert to SSH", {@code dkm setup} and {@code dkm convert} start with. */
    public SetupOptions setupOptions() {
        return SetupOptions.defaults().withReadOnly(readOnlyByDefault)
                .withSharedKey(keyStrategy == KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
    }
}
