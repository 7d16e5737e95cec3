package dev.dkm.instances;

import dev.dkm.credentials.CredentialResolver;
import dev.dkm.settings.InstanceLookup;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which GitLab instance, one rule for every subcommand and the window:
 * {@code --host} › {@code GITLAB_HOST} › the instance the repository's remote belongs to › the only configured
 * instance › an error that lists the configured ones.
 * <p>
 * The named instance ({@code --host}, else {@code GITLAB_HOST}) need not be configured: it is known for this session
 * (with the settings of the configured instance of that URL when there is one: CA file, proxy, registry) and is tried
 * first when a remote's host could belong to more than one instance. A repository whose remote plainly belongs to
 * another known instance goes to that one: a deploy key is only ever registered where the project lives.
 * Tokens: {@link CredentialResolver} ({@code GITLAB_TOKEN} for the instance {@code GITLAB_HOST} names, else the store).
 */
public final class InstanceSelector {
    private final Supplier<Settings> settings;
    private final CredentialResolver credentials;
    private final String hostOption;

    /** {@code hostOption} is the command's {@code --host} (null: none). */
    public InstanceSelector(Supplier<Settings> settings, CredentialResolver credentials, String hostOption) {
        this.settings = settings;
        this.credentials = credentials;
        this.hostOption = blankToNull(hostOption);
    }

    /** The same rule with a command's {@code --host}. */
    public InstanceSelector withHost(String host) {
        return new InstanceSelector(settings, credentials, host);
    }

    /** An instance and why it was chosen ("--host", "GITLAB_HOST", "the remote's host", "the only configured instance"). */
    public record Choice(InstanceSettings instance, String reason) {
        public String baseUrl() {
            return instance.baseUrl();
        }
    }

    /** No instance could be chosen; the message says why and what to do (it never holds a token). */
    public static final class NoInstanceException extends RuntimeException {
        public NoInstanceException(String message) {
            super(message);
        }
    }

    /** The instance named by {@code --host}, else {@code GITLAB_HOST} (as configured when it is), if any. */
    public Optional<Choice> named() {
        String url = hostOption != null ? hostOption : credentials.environmentHost().orElse(null);
        if (url == null) {
            return Optional.empty();
        }
        String source = hostOption != null ? "--host" : "GITLAB_HOST";
        InstanceSettings instance;
        try {
            instance = configuredOrPlain(settings.get(), url);
        } catch (IllegalArgumentException e) {
            throw new NoInstanceException(source + " is not a GitLab URL: " + e.getMessage());
        }
        return Optional.of(new Choice(instance, source));
    }

    /** Every instance this session knows: the named one first, the configured ones, GitLab.com. */
    public InstanceLookup lookup() {
        return new InstanceLookup(settings.get(), named().map(Choice::instance).orElse(null));
    }

    /** The configured instances (what the user added or logged in to), not GitLab.com unless it was added. */
    public List<InstanceSettings> configured() {
        return settings.get().instances();
    }

    /** The instance for a command that has no repository: {@code --host} › {@code GITLAB_HOST} › the only configured one. */
    public Choice forCommand() {
        Optional<Choice> named = named();
        if (named.isPresent()) {
            return named.get();
        }
        List<InstanceSettings> configured = configured();
        if (configured.size() == 1) {
            return new Choice(configured.get(0), "the only configured instance");
        }
        if (configured.isEmpty()) {
            // glab's default host: GITLAB_TOKEN without GITLAB_HOST, or a token stored for GitLab.com.
            return new Choice(InstanceLookup.GITLAB_COM, "the default instance (no GITLAB_HOST, nothing configured)");
        }
        throw new NoInstanceException("which GitLab? " + configured.size() + " instances are configured ("
                + list(configured) + "): pass --host URL or set GITLAB_HOST");
    }

    /**
     * The instance of a repository's remote ({@code scheme} as in the URL: https, http, ssh …; port null = default):
     * the named one when the remote is on it, else the known instance the remote belongs to.
     */
    public Choice forRemote(String scheme, String host, Integer port) {
        if (host == null) {
            throw new NoInstanceException("the remote has no host, so no GitLab instance serves it");
        }
        Optional<Choice> named = named();
        InstanceLookup lookup = lookup();
        Optional<InstanceSettings> found = lookup.forRemote(scheme, host, port);
        if (found.isPresent()) {
            boolean isNamed = named.isPresent() && named.get().baseUrl().equals(found.get().baseUrl());
            return isNamed ? named.get() : new Choice(found.get(), "the remote's host");
        }
        String remote = remoteUrl(scheme, host, port);
        String configured = configured().isEmpty() ? "no instance is configured" : "configured: " + list(configured());
        String onNamed = named.map(c -> "; " + c.reason() + " names " + c.baseUrl() + ", which does not serve " + hostPort(host, port)
                + " (add it to the instance's extra hosts if it is another name of it)").orElse("");
        throw new NoInstanceException("no GitLab instance serves " + remote + " (" + configured + onNamed + "): "
                + loginHint(remote));
    }

    /** "run dkm login --host URL, or set GITLAB_HOST=URL with GITLAB_TOKEN" for a web URL. */
    public static String loginHint(String url) {
        return "run dkm login --host " + url + ", or set GITLAB_HOST=" + url + " and GITLAB_TOKEN (a personal access token "
                + "with the api scope)";
    }

    /**
     * The web URL a remote most likely belongs to, with its real scheme, host and port: {@code http://127.0.0.1:8080}
     * for an http(s) remote; {@code https://HOST} for an SSH remote (its port is SSH's, not the web's).
     */
    public static String remoteUrl(String scheme, String host, Integer port) {
        boolean web = "http".equals(scheme) || "https".equals(scheme);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (web ? scheme : "https") + "://" + h + (web && port != null && port != -1 ? ":" + port : "");
    }

    /** The message for an instance that has no token. */
    public static String noToken(Choice choice) {
        return "no token for " + choice.baseUrl() + " (" + choice.reason() + "): " + loginHint(choice.baseUrl());
    }

    private static InstanceSettings configuredOrPlain(Settings settings, String url) {
        String normal = InstanceSettings.normalizeUrl(url);
        URI.create(normal);
        return settings.instance(normal).orElseGet(() -> new InstanceLookup(settings).forBaseUrl(normal)
                .orElseGet(() -> InstanceSettings.of(normal)));
    }

    private static String hostPort(String host, Integer port) {
        return port == null || port == -1 ? host : host + ":" + port;
    }

    private static String list(List<InstanceSettings> instances) {
        return instances.stream().map(InstanceSettings::baseUrl).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
