package dev.dkm.environments;

import java.io.IOException;

/**
 * An environment could not do what was asked. {@link #environmentFailed()} tells the two kinds apart: the helper is
 * gone (could not start, hung, flooded, answered garbage: every later call fails at once with the same reason), or one
 * operation failed inside a helper that still works (a config it cannot write).
 */
public class EnvironmentException extends IOException implements dev.dkm.setup.AccountSide.Failure {
    private final String environment;
    private final boolean environmentFailed;

    public EnvironmentException(String environment, String message, boolean environmentFailed) {
        super(message);
        this.environment = environment;
        this.environmentFailed = environmentFailed;
    }

    public String environment() {
        return environment;
    }

    public boolean environmentFailed() {
        return environmentFailed;
    }

    @Override
    public boolean sideUnreachable() {
        return environmentFailed;
    }
}
