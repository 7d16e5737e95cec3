package dev.dkm.settings;

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

    public InstanceLookup(Settings settings) {
        this.configured = settings.instances();
    }

    /** Every instance known: the configured ones, then GitLab.com unless configured too. */
    public List<InstanceSettings> all() {
        boolean hasGitLabCom = configured.stream().anyMatch(i -> i.baseUrl().equals(GITLAB_COM.baseUrl()));
        return hasGitLabCom ? configured : Stream.concat(configured.stream(), Stream.of(GITLAB_COM)).toList();
    }

    /** The instance a remote on {@code host} (port may be null or -1 = default) belongs to. */
    public Optional<InstanceSettings> forRemoteHost(String host, Integer port) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        int p = port == null ? -1 : port;
        return all().stream().filter(i -> matches(i, h, p)).findFirst();
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
