package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceLookup;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.workspace.RemoteInfo;
import java.util.function.Function;

/**
 * One GitLab instance as the token use cases see it: its settings, a client with the app's own API token, and a
 * way to make a client that speaks with another token (a token found in a remote, or a freshly rotated one).
 * The caller owns the clients and closes them.
 *
 * @param clientForToken builds a client for the same instance with that token (its CA file and proxy applied); the
 *                       caller of it closes it
 * @param tokenSource    where the API token came from ("GITLAB_TOKEN", "OS keyring" …), for the user
 */
public record InstanceConnection(InstanceSettings settings, GitLabClient client, Function<Secret, GitLabClient> clientForToken,
        String tokenSource) {

    public InstanceConnection(InstanceSettings settings, GitLabClient client, Function<Secret, GitLabClient> clientForToken) {
        this(settings, client, clientForToken, null);
    }

    /** A connection whose token clients are plain {@link GitLabClient#connect} clients. */
    public static InstanceConnection of(InstanceSettings settings, GitLabClient client) {
        return new InstanceConnection(settings, client, token -> GitLabClient.connect(settings.baseUrl(), token));
    }

    public String baseUrl() {
        return settings.baseUrl();
    }

    /** Whether a remote points at this instance (web host, SSH host, registry host or one of its extra hosts). */
    public boolean serves(RemoteInfo remote) {
        InstanceLookup lookup = new InstanceLookup(Settings.defaults().withInstance(settings));
        return lookup.forRemoteHost(remote.host(), remote.port())
                .filter(i -> i.baseUrl().equals(settings.baseUrl()))
                .isPresent();
    }
}
