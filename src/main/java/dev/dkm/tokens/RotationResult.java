package dev.dkm.tokens;

import java.util.List;

/**
 * How a rotation went. On success {@code newToken} carries the new value (shown once); on failure everything done
 * was rolled back, the old token still works, and {@code newToken} is null.
 */
public record RotationResult(boolean succeeded, List<StepReport> steps, CreatedDeployToken newToken, RegistryLogin.Outcome login) {
    public RotationResult {
        steps = List.copyOf(steps);
    }
}
