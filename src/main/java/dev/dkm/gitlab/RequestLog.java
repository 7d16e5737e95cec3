package dev.dkm.gitlab;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each HTTP exchange at FINE (logger {@code dev.dkm.gitlab.http}): method, URL, status, time. Headers
 * and bodies are never logged, so neither {@code PRIVATE-TOKEN} nor a token in a create answer can leak.
 */
final class RequestLog implements Interceptor {
    static final Logger LOG = Logger.getLogger("dev.dkm.gitlab.http");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isLoggable(Level.FINE)) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.fine(() -> request.method() + " " + request.url() + " -> " + response.code() + " (" + millis(start) + " ms)");
            return response;
        } catch (IOException e) {
            LOG.fine(() -> request.method() + " " + request.url() + " failed: " + e.getClass().getSimpleName() + " (" + millis(start) + " ms)");
            throw e;
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
