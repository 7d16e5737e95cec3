package dev.dkm.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Proxy and per-instance concurrency. */
class ConnectionSettingsTest {

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse().setBody("{\"version\":\"17.0.0\"}"));
            proxy.start();
            try (GitLabClient c = GitLabClient.create(GitLabClientConfig.builder("http://gitlab.internal.example", Secret.of("glpat-x"))
                    .proxy(proxy.getHostName() + ":" + proxy.getPort()).retry(RetryPolicy.none()).shareInstanceLimits(false).build())) {
                assertThat(c.version().version()).isEqualTo("17.0.0");
            }
            RecordedRequest r = proxy.takeRequest();
            assertThat(r.getRequestLine()).isEqualTo("GET http://gitlab.internal.example/api/v4/version HTTP/1.1");
        }
    }

    @Test
    void clientsOfOneInstanceShareTheConcurrencyBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    inFlight.decrementAndGet();
                    return new MockResponse().setBody("{\"version\":\"1\"}");
                }
            });
            server.start();
            String url = server.url("/bounded-" + System.nanoTime()).toString(); // a fresh instance key for this test
            List<GitLabClient> clients = List.of(bounded(url), bounded(url));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    GitLabClient c = clients.get(i % 2);
                    calls.add(pool.submit(c::version));
                }
                for (Future<?> f : calls) {
                    f.get();
                }
            } finally {
                pool.shutdown();
                clients.forEach(GitLabClient::close);
            }
            assertThat(server.getRequestCount()).isEqualTo(16);
            assertThat(maxInFlight.get()).isBetween(1, 2);
        }
    }

    private static GitLabClient bounded(String url) {
        return GitLabClient.create(GitLabClientConfig.builder(url, Secret.of("glpat-x"))
                .maxConcurrentRequests(2).retry(RetryPolicy.none()).build());
    }
}
