package dev.dkm.cli;

import dev.dkm.task.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/** A single self-overwriting stderr line with counts and an ETA, only used when a person is watching. */
final class TerminalProgress implements Progress {
    private final PrintWriter err;
    private final String verb;
    private final String unit;
    private final long startNanos = System.nanoTime();

    TerminalProgress(PrintWriter err, String verb, String unit) {
        this.err = err;
        this.verb = verb;
        this.unit = unit;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (total < 0) {
            err.print("\r\033[K" + verb + "… " + done + " " + unit);
        } else if (done >= total) {
            err.print("\r\033[K");
        } else {
            err.print("\r\033[K" + verb + " " + done + "/" + total + " " + unit + eta(done, total)
                    + (message == null || message.isBlank() ? "" : " · " + message));
        }
        err.flush();
    }

    private String eta(long done, long total) {
        if (done == 0) {
            return "";
        }
        long elapsed = System.nanoTime() - startNanos;
        Duration left = Duration.ofNanos(elapsed / done * (total - done));
        return " · about " + (left.toMinutes() > 0 ? left.toMinutes() + " min" : Math.max(1, left.toSeconds()) + " s") + " left";
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
