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

    /** An instance's base URL and a client for it. */
    record GitLabConnection(String instanceUrl, GitLabClient client) {}
}
