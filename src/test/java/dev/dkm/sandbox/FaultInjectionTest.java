package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.sandbox.SandboxHttp.Answer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault knobs: latency, rate limit (429 with GitLab's headers), seeded 5xx, dropped connections. */
class FaultInjectionTest {
    SandboxServer server;
    SandboxHttp http;

    @BeforeEach
    void start() {
        server = Sandbox.builder().start();
        http = new SandboxHttp(server.apiUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void offByDefault() {
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/version", server.maintainerToken()).status()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitAnswers429LikeGitLab() {
        server.setRateLimitPerMinute(3);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/version", server.maintainerToken()).status()).isEqualTo(200);
        }
        Answer limited = http.get("/version", server.maintainerToken());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().toString())
                .isEqualTo("{\"message\":{\"error\":\"This endpoint has been requested too many times. Try again later.\"}}");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("RateLimit-Observed")).isEqualTo("4");
        assertThat(limited.header("RateLimit-Name")).isNotBlank();
        assertThat(Long.parseLong(limited.header("RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis() / 1000 - 1);
        assertThat(limited.header("RateLimit-ResetTime")).endsWith("GMT");
        server.setRateLimitPerMinute(0);
        assertThat(http.get("/version", server.maintainerToken()).status()).isEqualTo(200);
    }

    @Test
    void seededServerErrorsAreRepeatable() {
        List<Integer> first = statuses(0.5, 7);
        List<Integer> second = statuses(0.5, 7);
        assertThat(first).isEqualTo(second).contains(500, 200);
    }

    private List<Integer> statuses(double rate, long seed) {
        server.setFaultSeed(seed);
        server.setFailRate(rate);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(http.get("/version", server.maintainerToken()).status());
        }
        server.setFailRate(0);
        return out;
    }

    @Test
    void droppedConnectionsGetNoAnswer() {
        server.setDropRate(1.0);
        assertThatThrownBy(() -> http.get("/version", server.maintainerToken())).isInstanceOf(UncheckedIOException.class);
        server.setDropRate(0);
        assertThat(http.get("/version", server.maintainerToken()).status()).isEqualTo(200);
    }

    @Test
    void latencyIsAdded() {
        server.setLatencyMs(150);
        long start = System.nanoTime();
        http.get("/version", server.maintainerToken());
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    }
}
