package dev.dkm.gitlab;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.Response;

/**
 * What all clients of one GitLab instance share in this process: a bound on concurrent requests and what
 * GitLab last said about the rate limit, so two clients for the same host do not double the load.
 */
final class InstanceLimits {
    private static final Map<String, InstanceLimits> BY_INSTANCE = new ConcurrentHashMap<>();

    /** Below this share of the limit, requests are spread evenly until the window resets. */
    private static final double SLOW_DOWN_BELOW = 0.05;

    final Semaphore concurrency;
    private long limit = -1;
    private long remaining = -1;
    private long resetEpochSecond = -1;

    private InstanceLimits(int permits) {
        this.concurrency = new Semaphore(permits, true);
    }

    /** The shared limits of the instance at {@code baseUrl}; the first caller decides the permit count. */
    static InstanceLimits of(String baseUrl, int permits) {
        return BY_INSTANCE.computeIfAbsent(baseUrl, k -> new InstanceLimits(permits));
    }

    /** A private set, for a client that must not share (tests). */
    static InstanceLimits unshared(int permits) {
        return new InstanceLimits(permits);
    }

    synchronized void observe(Response response) {
        long l = header(response, "RateLimit-Limit");
        long r = header(response, "RateLimit-Remaining");
        long reset = header(response, "RateLimit-Reset");
        if (l > 0 && r >= 0) {
            limit = l;
            remaining = r;
            resetEpochSecond = reset;
        }
    }

    /** How long to wait before the next request, counting it against the remaining budget. */
    synchronized Duration delayBeforeNextRequest(Clock clock) {
        if (limit <= 0 || remaining < 0 || resetEpochSecond <= 0) {
            return Duration.ZERO;
        }
        long untilReset = resetEpochSecond * 1000 - clock.millis();
        if (untilReset <= 0) {
            limit = -1;
            return Duration.ZERO;
        }
        if (remaining >= limit * SLOW_DOWN_BELOW) {
            remaining--;
            return Duration.ZERO;
        }
        long share = untilReset / Math.max(remaining, 1);
        remaining = Math.max(remaining - 1, 0);
        return Duration.ofMillis(share);
    }

    private static long header(Response response, String name) {
        String v = response.header(name);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
