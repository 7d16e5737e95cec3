package dev.dkm.ui;

import dev.dkm.environments.EnvironmentScan;
import dev.dkm.environments.EnvironmentSpec;
import dev.dkm.environments.Environments;
import dev.dkm.task.Progress;
import dev.dkm.workspace.ScanOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The scan of the window's other environments (each by its own helper, its remembered roots or its home); tests pass their own. */
@FunctionalInterface
public interface EnvironmentRepoScan {
    List<EnvironmentScan.Result> scan(List<EnvironmentSpec> environments, Progress progress);

    /** The {@link EnvironmentScan} use case over the session's helpers (asked for on the worker thread). */
    static EnvironmentRepoScan over(Supplier<Environments> environments) {
        return (specs, progress) -> new EnvironmentScan(environments.get(), ScanOptions.defaults()).scan(specs, List.<Path>of(), progress);
    }
}
