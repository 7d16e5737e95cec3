package dev.dkm.setup;

/** Follows a setup as it runs: the dialog ticks steps off, the CLI prints them. */
public interface SetupListener {
    SetupListener NONE = new SetupListener() {};

    default void started(SetupStep step) {}

    default void finished(StepOutcome outcome) {}
}
