package dev.dkm.gitlab;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Applies {@link RetryPolicy}. A POST or PATCH is never repeated after a 5xx or a lost connection. */
final class RetryInterceptor implements Interceptor {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean idempotent = IDEMPOTENT.contains(request.method());
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.maxAttempts() || chain.call().isCanceled();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!idempotent || last || e instanceof InterruptedIOException && chain.call().isCanceled()) {
                    throw e;
                }
                pause(policy.backoff(attempt));
                continue;
            }
            if (last) {
                return response;
            }
            if (response.code() == 429) {
                Long seconds = RetryAfter.seconds(response.headers());
                Duration wait = seconds == null ? policy.backoff(attempt) : Duration.ofSeconds(seconds);
                if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                    return response;
                }
                response.close();
                pause(wait);
            } else if (response.code() >= 500 && idempotent) {
                response.close();
                pause(policy.backoff(attempt));
            } else {
                return response;
            }
        }
    }

    private void pause(Duration d) throws IOException {
        try {
            policy.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
