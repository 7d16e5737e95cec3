package dev.dkm.environments;

import java.time.Duration;

/**
 * What the caller allows a helper: time to start and greet, time per operation (a scan gets longer), and the longest
 * answer line. Past any of them the helper is killed and only its own environment fails.
 */
public record HelperLimits(Duration start, Duration call, Duration scan, int maxAnswer) {
    public static HelperLimits defaults() {
        return new HelperLimits(Duration.ofSeconds(90), Duration.ofSeconds(180), Duration.ofMinutes(10), 64 * 1024 * 1024);
    }
}
