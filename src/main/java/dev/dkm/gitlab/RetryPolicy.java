package dev.dkm.gitlab;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry. Idempotent calls (GET, PUT, DELETE) are retried on 5xx and connection
 * errors with capped exponential backoff and full jitter; any call is retried on 429 after its
 * {@code Retry-After}, as long as that wait is at most {@code maxRetryAfter} (GitLab rejects rate-limited
 * requests before doing anything, so even a POST is safe to repeat then).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(120), Sleeper.REAL);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Sleeper.REAL);
    }

    public RetryPolicy withSleeper(Sleeper other) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, other);
    }

    /** Backoff before attempt {@code attempt + 1}: random in [0, min(maxDelay, baseDelay * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
