package dev.dkm.instances;

import dev.dkm.credentials.CredentialResolver;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.settings.InstanceLookup;
import dev.dkm.settings.InstanceSettings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The configured instances with their tokens: maps a remote's host to its instance and opens one client per instance
 * (shared by all work, so the client's per-instance concurrency and pacing hold across a whole bulk run).
 */
public final class InstanceConnections implements GitLabConnections, AutoCloseable {
    private final Supplier<InstanceLookup> instances;
    private final CredentialResolver credentials;
    private final ClientFactory clients;
    private final Map<String, GitLabClient> open = new ConcurrentHashMap<>();

    public InstanceConnections(InstanceLookup instances, CredentialResolver credentials, ClientFactory clients) {
        this(() -> instances, credentials, clients);
    }

    /** {@code instances} is asked on every lookup, so instances added or removed meanwhile are seen. */
    public InstanceConnections(Supplier<InstanceLookup> instances, CredentialResolver credentials, ClientFactory clients) {
        this.instances = instances;
        this.credentials = credentials;
        this.clients = clients;
    }

    @Override
    public Optional<GitLabConnection> forHost(String host, Integer port) {
        return instances.get().forRemoteHost(host, port).flatMap(this::connect);
    }

    /** The instance with this base URL, when it has a token. */
    public Optional<GitLabConnection> forInstance(String baseUrl) {
        return instances.get().forBaseUrl(baseUrl).or(() -> Optional.of(InstanceSettings.of(baseUrl))).flatMap(this::connect);
    }

    /** The instance named by GITLAB_HOST, or GitLab.com (glab's convention for commands without a repository). */
    public Optional<GitLabConnection> defaultInstance() {
        return forInstance(credentials.defaultHost());
    }

    private Optional<GitLabConnection> connect(InstanceSettings instance) {
        return credentials.tokenFor(instance.baseUrl()).map(token -> new GitLabConnection(instance.baseUrl(),
                open.computeIfAbsent(instance.baseUrl(), url -> clients.open(instance, token.token()))));
    }

    /** Closes the client of one instance (after a new login or a logout): the next use opens one with the new token. */
    public void forget(String baseUrl) {
        GitLabClient client = open.remove(InstanceSettings.normalizeUrl(baseUrl));
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void close() {
        open.values().forEach(GitLabClient::close);
        open.clear();
    }
}
