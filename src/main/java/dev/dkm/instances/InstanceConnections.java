package dev.dkm.instances;

import dev.dkm.credentials.CredentialResolver;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.tokens.InstanceConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The configured instances with their tokens: maps a remote's host to its instance and opens one client per instance
 * (shared by all work, so the client's per-instance concurrency and pacing hold across a whole bulk run).
 */
public final class InstanceConnections implements GitLabConnections, AutoCloseable {
    private final Supplier<InstanceSelector> selector;
    private final CredentialResolver credentials;
    private final ClientFactory clients;
    private final Map<String, GitLabClient> open = new ConcurrentHashMap<>();

    /** {@code selector} is asked on every lookup, so instances added or removed meanwhile are seen. */
    public InstanceConnections(Supplier<InstanceSelector> selector, CredentialResolver credentials, ClientFactory clients) {
        this.selector = selector;
        this.credentials = credentials;
        this.clients = clients;
    }

    /** The rule that picks instances ({@code --host} › {@code GITLAB_HOST} › remote › only configured one). */
    public InstanceSelector selector() {
        return selector.get();
    }

    @Override
    public Optional<GitLabConnection> forHost(String host, Integer port) {
        return forRemote(null, host, port);
    }

    @Override
    public Optional<GitLabConnection> forRemote(String scheme, String host, Integer port) {
        try {
            return connect(selector.get().forRemote(scheme, host, port).instance());
        } catch (InstanceSelector.NoInstanceException e) {
            return Optional.empty();
        }
    }

    /** Why {@link #forRemote} found nothing: no instance serves the remote, or it has no token; with what to do. */
    @Override
    public String whyNoConnection(String scheme, String host, Integer port) {
        try {
            InstanceSelector.Choice choice = selector.get().forRemote(scheme, host, port);
            return credentials.tokenFor(choice.baseUrl()).isPresent() ? null : InstanceSelector.noToken(choice);
        } catch (InstanceSelector.NoInstanceException e) {
            return e.getMessage();
        }
    }

    /** The instance with this base URL, when it has a token. */
    public Optional<GitLabConnection> forInstance(String baseUrl) {
        return selector.get().lookup().forBaseUrl(baseUrl).or(() -> Optional.of(InstanceSettings.of(baseUrl))).flatMap(this::connect);
    }

    /**
     * The instance of a command without a repository ({@code --host} › {@code GITLAB_HOST} › the only configured
     * instance) with its client; fails with a sentence naming the instance and what to do when there is no token.
     */
    public InstanceConnection forCommand() {
        InstanceSelector.Choice choice = selector.get().forCommand();
        InstanceSettings instance = choice.instance();
        CredentialResolver.ResolvedToken token = credentials.tokenFor(instance.baseUrl())
                .orElseThrow(() -> new InstanceSelector.NoInstanceException(InstanceSelector.noToken(choice)));
        return new InstanceConnection(instance, client(instance, token), t -> clients.open(instance, t), token.source());
    }

    /** {@link #forCommand()} as a plain connection (base URL and client), for the key management use cases. */
    public GitLabConnection commandConnection() {
        InstanceConnection c = forCommand();
        return new GitLabConnection(c.baseUrl(), c.client());
    }

    /** Every known instance that has a token, each with its client (for the tokens dashboard and {@code dkm tokens}). */
    public List<InstanceConnection> all() {
        List<InstanceConnection> out = new ArrayList<>();
        for (InstanceSettings instance : selector.get().lookup().all()) {
            credentials.tokenFor(instance.baseUrl()).ifPresent(token -> out.add(new InstanceConnection(instance,
                    client(instance, token), t -> clients.open(instance, t), token.source())));
        }
        return out;
    }

    private Optional<GitLabConnection> connect(InstanceSettings instance) {
        return credentials.tokenFor(instance.baseUrl()).map(token -> new GitLabConnection(instance.baseUrl(), client(instance, token)));
    }

    private GitLabClient client(InstanceSettings instance, CredentialResolver.ResolvedToken token) {
        return open.computeIfAbsent(instance.baseUrl(), url -> clients.open(instance, token.token()));
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
