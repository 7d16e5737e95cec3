package dev.dkm.task;

/** A piece of long work, written as plain headless Java; the UI runs it through a {@link TaskExecutor}. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(Progress progress) throws Exception;
}
