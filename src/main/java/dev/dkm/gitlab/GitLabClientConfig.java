package dev.dkm.gitlab;

import dev.dkm.remote.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link GitLabClient} needs: the instance's web URL (e.g. {@code https://gitlab.example.com},
 * the API lives under {@code /api/v4}), a token, and the connection settings. Build with
 * {@link #builder(String, Secret)}; unset options get sensible defaults.
 */
public final class GitLabClientConfig {
    final String baseUrl;
    final Secret token;
    final Path caFile;
    final String proxy;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;
    final RetryPolicy retry;
    final int maxConcurrentRequests;
    final boolean shareInstanceLimits;

    private GitLabClientConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.caFile = b.caFile;
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.retry = b.retry;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.shareInstanceLimits = b.shareInstanceLimits;
    }

    /** {@code token} may be null for anonymous calls such as {@code /version} on a public instance. */
    public static Builder builder(String baseUrl, Secret token) {
        return new Builder(baseUrl, token);
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String toString() {
        return "GitLabClientConfig[" + baseUrl + ", token=" + (token == null ? "none" : token.redacted()) + "]";
    }

    public static final class Builder {
        private final String baseUrl;
        private final Secret token;
        private Path caFile;
        private String proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(3);
        private RetryPolicy retry = RetryPolicy.defaults();
        private int maxConcurrentRequests = 8;
        private boolean shareInstanceLimits = true;

        private Builder(String baseUrl, Secret token) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.token = token;
        }

        /** A PEM file of CA certificates trusted in addition to the JDK's, or null. */
        public Builder caFile(Path pem) {
            this.caFile = pem;
            return this;
        }

        /** {@code host:port} of an HTTP proxy; null uses the system's ({@code ProxySelector.getDefault()}). */
        public Builder proxy(String hostPort) {
            this.proxy = hostPort == null || hostPort.isBlank() ? null : hostPort.strip();
            return this;
        }

        public Builder timeouts(Duration connect, Duration read, Duration call) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.callTimeout = call;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder maxConcurrentRequests(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
            }
            this.maxConcurrentRequests = n;
            return this;
        }

        /** false gives this client its own concurrency and rate-limit state (tests). */
        public Builder shareInstanceLimits(boolean share) {
            this.shareInstanceLimits = share;
            return this;
        }

        public GitLabClientConfig build() {
            return new GitLabClientConfig(this);
        }
    }
}
