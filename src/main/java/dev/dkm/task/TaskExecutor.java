package dev.dkm.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link BackgroundTask}s and delivers their results through a callback executor. The app builds one with
 * {@code Platform::runLater} as the callback executor; tests use {@link #synchronous()} so that a submit returns
 * with its callbacks already called.
 */
public final class TaskExecutor implements AutoCloseable {
    private final Executor worker;
    private final Executor callbacks;
    private final ExecutorService owned;

    private TaskExecutor(Executor worker, Executor callbacks, ExecutorService owned) {
        this.worker = worker;
        this.callbacks = callbacks;
        this.owned = owned;
    }

    /** Work on background daemon threads, callbacks through {@code callbackThread} (e.g. {@code Platform::runLater}). */
    public static TaskExecutor background(Executor callbackThread) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dkm-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new TaskExecutor(pool, callbackThread, pool);
    }

    /** Everything on the calling thread: {@link #submit} returns after the callbacks ran. */
    public static TaskExecutor synchronous() {
        return new TaskExecutor(Runnable::run, Runnable::run, null);
    }

    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
        TaskHandle handle = new TaskHandle();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                callbacks.execute(() -> listener.onProgress(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }
        };
        worker.execute(() -> {
            try {
                T result = task.run(progress);
                // A task that returns normally after a cancel returns its partial result (e.g. the repos
                // converted before the stop): that is still a success the user needs to see.
                callbacks.execute(() -> listener.onSuccess(result));
            } catch (Throwable e) {
                callbacks.execute(() -> {
                    if (handle.isCancelled()) {
                        listener.onCancelled();
                    } else {
                        listener.onFailure(e);
                    }
                });
            }
        });
        return handle;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
