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
 * @param runRetentionDays    how long run journals are kept for undo before a new run prunes them (0: until
 *                            {@code dkm runs --prune}); null leaves the saved value as it is
 */
public record Preferences(KeyStrategy keyStrategy, boolean readOnlyByDefault, List<Integer> expiryThresholdDays,
        Integer runRetentionDays) {
    public Preferences {
        keyStrategy = keyStrategy == null ? KeyStrategy.ONE_KEY_PER_REPOSITORY : keyStrategy;
        expiryThresholdDays = List.copyOf(expiryThresholdDays);
    }

    public Preferences(KeyStrategy keyStrategy, boolean readOnlyByDefault, List<Integer> expiryThresholdDays) {
        this(keyStrategy, readOnlyByDefault, expiryThresholdDays, null);
    }

    public static Preferences of(Settings settings) {
        return new Preferences(settings.keyStrategy(), settings.readOnlyByDefault(), settings.expiryThresholdDays(),
                settings.runRetentionDays());
    }

    /** {@code settings} with these defaults; everything else (instances, roots, theme) as it was. */
    public Settings applyTo(Settings settings) {
        Settings s = settings.withKeyStrategy(keyStrategy).withReadOnlyByDefault(readOnlyByDefault)
                .withExpiryThresholdDays(expiryThresholdDays);
        return runRetentionDays == null ? s : s.withRunRetentionDays(Math.max(0, runRetentionDays));
    }

    /** What "Set up deploy key", "Convert to SSH", {@code dkm setup} and {@code dkm convert} start with. */
    public SetupOptions setupOptions() {
        return SetupOptions.defaults().withReadOnly(readOnlyByDefault)
                .withSharedKey(keyStrategy == KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
    }
}
