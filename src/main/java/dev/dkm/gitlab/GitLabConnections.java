package dev.dkm.gitlab;

import java.util.Optional;

/**
 * Which GitLab instance serves a remote host, and a client logged in to it. Implemented from the settings and the
 * credential store for the app; tests hand in the sandbox's client.
 */
@FunctionalInterface
public interface GitLabConnections {
    /** A configured instance with a token for this host (web or SSH host of the instance), if any. */
    Optional<GitLabConnection> forHost(String host, Integer port);

    /** As {@link #forHost}, the remote's scheme considered (an http(s) remote's port is the web port). */
    default Optional<GitLabConnection> forRemote(String scheme, String host, Integer port) {
        return forHost(host, port);
    }

    /** Why there is no connection for this remote, with what to do; null when there is one. */
    default String whyNoConnection(String scheme, String host, Integer port) {
        return forRemote(scheme, host, port).isPresent() ? null : "no GitLab instance with a token is configured for " + host;
    }

    /** An instance's base URL and a client for it. */
    record GitLabConnection(String instanceUrl, GitLabClient client) {}
}
