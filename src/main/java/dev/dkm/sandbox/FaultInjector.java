package dev.dkm.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Misbehaviour on demand, all off by default: latency, a rate limit answering 429 like GitLab,
 * random 5xx answers and dropped connections, from a seedable Random so tests are repeatable.
 */
final class FaultInjector {
    /** What to do with one request. */
    enum Fault { NONE, DROP, SERVER_ERROR, RATE_LIMITED }

    private volatile long latencyMs;
    private volatile int rateLimitPerMinute;
    private volatile double failRate;
    private volatile double dropRate;
    private volatile Predicate<String> failWhen = r -> false;
    private Random random;
    private long windowStart;
    private int windowCount;

    FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    void latencyMs(long ms) {
        latencyMs = ms;
    }

    void rateLimitPerMinute(int n) {
        synchronized (this) {
            rateLimitPerMinute = n;
            windowCount = 0;
        }
    }

    void failRate(double p) {
        failRate = p;
    }

    void dropRate(double p) {
        dropRate = p;
    }

    /** Answers 500 to every request whose "METHOD /raw/path" matches, until replaced. */
    void failWhen(Predicate<String> requestLine) {
        failWhen = requestLine == null ? r -> false : requestLine;
    }

    synchronized void seed(long seed) {
        random = new Random(seed);
    }

    long latencyMs() {
        return latencyMs;
    }

    /** Sleeps for the latency, then decides the fate of the request {@code requestLine} ("METHOD /raw/path"). */
    Fault next(String requestLine) {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failWhen.test(requestLine)) {
            return Fault.SERVER_ERROR;
        }
        synchronized (this) {
            if (dropRate > 0 && random.nextDouble() < dropRate) {
                return Fault.DROP;
            }
            if (failRate > 0 && random.nextDouble() < failRate) {
                return Fault.SERVER_ERROR;
            }
            if (rateLimitPerMinute > 0) {
                long now = System.currentTimeMillis();
                if (now - windowStart >= 60_000) {
                    windowStart = now;
                    windowCount = 0;
                }
                windowCount++;
                if (windowCount > rateLimitPerMinute) {
                    return Fault.RATE_LIMITED;
                }
            }
            return Fault.NONE;
        }
    }

    /** GitLab's RateLimit-* headers for a 429. */
    synchronized Map<String, String> rateLimitHeaders() {
        long resetMillis = windowStart + 60_000;
        long retryAfter = Math.max(1, (resetMillis - System.currentTimeMillis() + 999) / 1000);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Retry-After", String.valueOf(retryAfter));
        h.put("RateLimit-Name", "throttle_authenticated_api");
        h.put("RateLimit-Limit", String.valueOf(rateLimitPerMinute));
        h.put("RateLimit-Observed", String.valueOf(windowCount));
        h.put("RateLimit-Remaining", "0");
        h.put("RateLimit-Reset", String.valueOf(resetMillis / 1000));
        h.put("RateLimit-ResetTime", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(resetMillis),
                        java.time.ZoneOffset.UTC)));
        return h;
    }
}
