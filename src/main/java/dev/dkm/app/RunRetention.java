package dev.dkm.app;

import dev.dkm.journal.RunJournal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Run journals are kept for undo as long as the "keep runs" preference says ({@code runRetentionDays} in the settings,
 * 30 days by default) and pruned when a new run starts, or on demand with {@code dkm runs --prune}.
 */
public final class RunRetention {
    private RunRetention() {}

    /** Prunes the journals older than the preference allows; never fails a run over it. */
    static void pruneOld(AppServices services) {
        int days = services.settings().runRetentionDays();
        if (days <= 0) {
            return;
        }
        try {
            RunJournal.prune(services.runsDir(), Duration.ofDays(days), services.clock().instant());
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: the run goes on, and dkm runs --prune says what is wrong
        }
    }

    /** The journals older than {@code olderThan}, deleted; their ids. */
    public static List<String> prune(AppServices services, Duration olderThan) throws IOException {
        return RunJournal.prune(services.runsDir(), olderThan, services.clock().instant());
    }
}
