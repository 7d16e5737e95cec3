package dev.dkm.cli;

import dev.dkm.setup.SetupOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which key and which access {@code dkm setup} and {@code dkm convert} use. Without a flag the settings' defaults
 * apply (key strategy, read-only by default: the GUI's Preferences); each pair of flags overrides them either way.
 */
final class KeyOptions {
    @ArgGroup(exclusive = true)
    Strategy strategy;

    @ArgGroup(exclusive = true)
    Access access;

    static final class Strategy {
        @Option(names = "--shared-key", description = "Use this environment's one shared key, enabled on every project.")
        boolean shared;

        @Option(names = "--per-repo-key", description = "A key of its own for each repository (overrides a shared-key default).")
        boolean perRepo;
    }

    static final class Access {
        @Option(names = "--read-only", description = "Register keys without write access.")
        boolean readOnly;

        @Option(names = "--read-write", description = "Register keys with write access (overrides a read-only default).")
        boolean readWrite;
    }

    /** Why these flags cannot apply to a resumed run started with {@code recorded}, or null when they agree. */
    String conflictWith(SetupOptions recorded, String runId) {
        if (strategy != null && strategy.shared != recorded.sharedKey()) {
            return "run " + runId + " was started with " + (recorded.sharedKey() ? "--shared-key" : "--per-repo-key")
                    + "; a resume does the same — leave out " + (strategy.shared ? "--shared-key" : "--per-repo-key");
        }
        if (access != null && access.readOnly != recorded.readOnly()) {
            return "run " + runId + " was started with " + (recorded.readOnly() ? "--read-only" : "--read-write")
                    + "; a resume does the same — leave out " + (access.readOnly ? "--read-only" : "--read-write");
        }
        return null;
    }

    /** {@code defaults} (from the settings) with what the flags say instead. */
    SetupOptions over(SetupOptions defaults) {
        SetupOptions options = defaults;
        if (strategy != null) {
            options = options.withSharedKey(strategy.shared);
        }
        if (access != null) {
            options = options.withReadOnly(access.readOnly);
        }
        return options;
    }
}
