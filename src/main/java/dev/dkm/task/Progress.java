package dev.dkm.task;

/**
 * What a running task sees of the outside: a place to report how far it got, and whether someone asked it
 * to stop. Tasks check {@link #isCancelled()} between items and finish the item in hand cleanly.
 */
public interface Progress {
    /** A progress that reports nowhere and is never cancelled: for headless callers that do not care. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param total negative when unknown */
    void update(long done, long total, String message);

    boolean isCancelled();
}
