package dev.dkm.gitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client of one GitLab instance from its {@link GitLabClientConfig}. */
final class HttpClients {
    private HttpClients() {}

    static OkHttpClient build(GitLabClientConfig config, HttpUrl apiBase) {
        InstanceLimits limits = config.shareInstanceLimits
                ? InstanceLimits.of(apiBase.toString(), config.maxConcurrentRequests)
                : InstanceLimits.unshared(config.maxConcurrentRequests);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout)
                .readTimeout(config.readTimeout)
                .writeTimeout(config.readTimeout)
                .callTimeout(config.callTimeout)
                .retryOnConnectionFailure(false) // RetryInterceptor decides, so a POST is never resent silently
                .addInterceptor(new RetryInterceptor(config.retry))
                .addInterceptor(new PacingInterceptor(limits, config.retry.sleeper(), Clock.systemUTC()))
                .addNetworkInterceptor(new RequestLog())
                .addNetworkInterceptor(new AuthInterceptor(config.token, apiBase));
        if (config.proxy != null) {
            b.proxy(parseProxy(config.proxy));
        } else if (ProxySelector.getDefault() != null) {
            b.proxySelector(ProxySelector.getDefault());
        }
        if (config.caFile != null) {
            try {
                CompositeTrust trust = CompositeTrust.withBundle(config.caFile);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                b.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read CA file " + config.caFile, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not a PEM certificate bundle: " + config.caFile, e);
            }
        }
        return b.build();
    }

    static Proxy parseProxy(String hostPort) {
        String s = hostPort.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("proxy must be host:port, got " + hostPort);
        }
        int port = Integer.parseInt(s.substring(colon + 1));
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(s.substring(0, colon), port));
    }
}
