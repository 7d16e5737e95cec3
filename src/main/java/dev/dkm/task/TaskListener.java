package dev.dkm.task;

/** Callbacks of a submitted task. They run on the executor's callback thread (the FX thread in the app). */
public interface TaskListener<T> {
    default void onProgress(long done, long total, String message) {}

    void onSuccess(T result);

    void onFailure(Throwable error);

    default void onCancelled() {}
}
