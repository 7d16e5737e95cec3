package dev.dkm.settings;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which GitLab instance a remote belongs to: GitLab.com (built in) or a self-managed instance from the
 * settings, matched on its web host, SSH host or one of its extra hosts ({@code host} or {@code host:port}).
 */
public final class InstanceLookup {
    /** GitLab.com: web and SSH on gitlab.com (also altssh.gitlab.com:443), registry on registry.gitlab.com. */
    public static final InstanceSettings GITLAB_COM = new InstanceSettings(
            "gitlab.com", "https://gitlab.com", "gitlab.com", 22, null, null, "registry.gitlab.com",
            List.of("altssh.gitlab.com", "www.gitlab.com"));

    private final List<InstanceSettings> configured;
    private final InstanceSettings first;

    public InstanceLookup(Settings settings) {
        this(settings, null);
    }

    /**
     * {@code first} (the instance named by {@code --host} or {@code GITLAB_HOST}, configured or not; may be null) is
     * known even when it is not in the settings, and wins when a remote's host could belong to more than one instance.
     */
    public InstanceLookup(Settings settings, InstanceSettings first) {
        this.configured = settings.instances();
        this.first = first;
    }

    /** Every instance known: the named one, then the configured ones, then GitLab.com unless configured too. */
    public List<InstanceSettings> all() {
        Stream<InstanceSettings> named = first == null ? Stream.empty() : Stream.of(first);
        Stream<InstanceSettings> rest = configured.stream().filter(i -> first == null || !i.baseUrl().equals(first.baseUrl()));
        List<InstanceSettings> known = Stream.concat(named, rest).toList();
        boolean hasGitLabCom = known.stream().anyMatch(i -> i.baseUrl().equals(GITLAB_COM.baseUrl()));
        return hasGitLabCom ? known : Stream.concat(known.stream(), Stream.of(GITLAB_COM)).toList();
    }

    /** The instances in the settings (without GitLab.com when it is only built in, without the named one). */
    public List<InstanceSettings> configured() {
        return configured;
    }

    /**
     * The instance a remote belongs to, its scheme considered: an {@code http(s)} remote on the web host must also use
     * the web port when either side names a port ({@code http://127.0.0.1:8080} is not {@code http://127.0.0.1:9090}).
     */
    public Optional<InstanceSettings> forRemote(String scheme, String host, Integer port) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        boolean web = "http".equals(scheme) || "https".equals(scheme);
        if (!web) {
            return forRemoteHost(host, port);
        }
        String h = host.toLowerCase(Locale.ROOT);
        int p = port == null ? -1 : port;
        List<InstanceSettings> fits = all().stream()
                .filter(i -> h.equals(i.webHost()) ? webPortFits(i, scheme, p) : matches(i, h, p))
                .toList();
        // the web port fits exactly before a looser match on the same host (an extra host, the SSH host)
        return fits.stream().filter(i -> h.equals(i.webHost())).findFirst().or(() -> fits.stream().findFirst());
    }

    private static boolean webPortFits(InstanceSettings i, String scheme, int remotePort) {
        int instancePort = URI.create(i.baseUrl()).getPort();
        if (remotePort == -1 && instancePort == -1) {
            return true;
        }
        int r = remotePort != -1 ? remotePort : defaultPort(scheme);
        int w = instancePort != -1 ? instancePort : defaultPort(URI.create(i.baseUrl()).getScheme());
        return r == w;
    }

    private static int defaultPort(String scheme) {
        return "http".equals(scheme) ? 80 : 443;
    }

    /** The instance a remote on {@code host} (port may be null or -1 = default) belongs to. */
    public Optional<InstanceSettings> forRemoteHost(String host, Integer port) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        int p = port == null ? -1 : port;
        List<InstanceSettings> onHost = all().stream().filter(i -> matches(i, h, p)).toList();
        if (onHost.size() <= 1) {
            return onHost.stream().findFirst();
        }
        // Two instances on one host (a test and a production GitLab on gitlab.corp:2222 and :2223): the SSH port
        // decides. When none has it, the instance named by --host/GITLAB_HOST may take it; otherwise nobody guesses.
        int wanted = p == -1 ? 22 : p;
        return onHost.stream().filter(i -> h.equals(i.effectiveSshHost()) && sshPortOf(i) == wanted).findFirst()
                .or(() -> onHost.stream().filter(i -> first != null && i.baseUrl().equals(first.baseUrl())).findFirst());
    }

    private static int sshPortOf(InstanceSettings i) {
        return i.sshPort() == null || i.sshPort() <= 0 ? 22 : i.sshPort();
    }

    /** The instance with this base URL (normalized), if known. */
    public Optional<InstanceSettings> forBaseUrl(String baseUrl) {
        String url = InstanceSettings.normalizeUrl(baseUrl);
        return all().stream().filter(i -> i.baseUrl().equals(url)).findFirst();
    }

    private static boolean matches(InstanceSettings i, String host, int port) {
        if (host.equals(i.webHost()) || host.equals(i.effectiveSshHost())
                || (i.registryHost() != null && host.equalsIgnoreCase(i.registryHost()))) {
            return true;
        }
        for (String extra : i.extraHosts()) {
            String e = extra.toLowerCase(Locale.ROOT).strip();
            int colon = e.lastIndexOf(':');
            if (colon > 0 ? e.substring(0, colon).equals(host) && (port == -1 || e.substring(colon + 1).equals(String.valueOf(port)))
                    : e.equals(host)) {
                return true;
            }
        }
        return false;
    }
}
