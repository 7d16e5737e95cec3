package dev.dkm.gitlab;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Runs each attempt inside the instance's concurrency bound, and slows down before GitLab's rate limit is
 * reached (RateLimit-Remaining / RateLimit-Reset) instead of waiting to be told 429.
 */
final class PacingInterceptor implements Interceptor {
    private final InstanceLimits limits;
    private final Sleeper sleeper;
    private final Clock clock;

    PacingInterceptor(InstanceLimits limits, Sleeper sleeper, Clock clock) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            Duration delay = limits.delayBeforeNextRequest(clock);
            if (!delay.isZero()) {
                sleeper.sleep(delay);
            }
            limits.concurrency.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing requests");
        }
        try {
            Response response = chain.proceed(chain.request());
            limits.observe(response);
            return response;
        } finally {
            limits.concurrency.release();
        }
    }
}
