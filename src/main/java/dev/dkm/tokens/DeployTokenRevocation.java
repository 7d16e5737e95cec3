package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;

/** The "revoke a deploy token" use case behind {@code dkm deploy-token revoke} (GitLab's DELETE deploy_tokens/:id). */
public final class DeployTokenRevocation {
    private final GitLabClient client;

    public DeployTokenRevocation(GitLabClient client) {
        this.client = client;
    }

    /** Revokes it or throws GitLab's error; returns the sentence to show. */
    public String revoke(Scope scope, String path, long tokenId) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("which " + (scope == Scope.GROUP ? "group" : "project") + "? the path is empty");
        }
        client.deleteDeployToken(scope, path, tokenId);
        return "Revoked deploy token " + tokenId + " of " + (scope == Scope.GROUP ? "group " : "project ") + path + ".";
    }
}
