package dev.dkm.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A GitLab instance the user works with. Only {@code baseUrl} is required; {@code sshHost}/{@code sshPort}
 * are set when SSH is served elsewhere than the web host on port 22; {@code extraHosts} are other names
 * remotes use for it (aliases, {@code host:port}). Never a token: those live in the TokenStore.
 */
public record InstanceSettings(
        String id,
        String baseUrl,
        String sshHost,
        Integer sshPort,
        Path caFile,
        String proxy,
        String registryHost,
        List<String> extraHosts) {

    public InstanceSettings {
        baseUrl = normalizeUrl(baseUrl);
        id = id == null || id.isBlank() ? webHost(baseUrl) : id;
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    }

    public static InstanceSettings of(String baseUrl) {
        return new InstanceSettings(null, baseUrl, null, null, null, null, null, List.of());
    }

    public InstanceSettings withCaFile(Path pem) {
        return new InstanceSettings(id, baseUrl, sshHost, sshPort, pem, proxy, registryHost, extraHosts);
    }

    public InstanceSettings withProxy(String hostPort) {
        return new InstanceSettings(id, baseUrl, sshHost, sshPort, caFile, hostPort, registryHost, extraHosts);
    }

    /** The host of the web URL, lower case. */
    public String webHost() {
        return webHost(baseUrl);
    }

    /** The host remotes use for SSH: {@code sshHost} or the web host. */
    public String effectiveSshHost() {
        return sshHost == null || sshHost.isBlank() ? webHost() : sshHost.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code https://Host.example/} → {@code https://host.example}; a bare host gets {@code https://}.
     * Null stays null (the compact constructor then fails on {@link #webHost}).
     */
    public static String normalizeUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("an instance needs a base URL");
        }
        String s = url.strip().replaceAll("/+$", "");
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        URI uri = URI.create(s);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }

    private static String webHost(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }
}
