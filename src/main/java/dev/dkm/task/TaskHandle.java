package dev.dkm.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** The caller's side of a submitted task: ask it to stop. */
public final class TaskHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
