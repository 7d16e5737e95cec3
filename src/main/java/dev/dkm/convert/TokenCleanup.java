package dev.dkm.convert;

import dev.dkm.remote.UrlRedactor;
import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * After a conversion: the tokens it took out of configs, and revocation of those no repository uses any more. What is
 * checked before a revocation: every repository under every root the user has (the run's roots and the workspace
 * roots the window remembers, scanned again after the run) — a token still found in any of them is never revoked and
 * the report says where; and the API token dkm itself signs in with for that instance is never revoked (it would
 * log dkm out and leave the run's deploy keys without a way to undo them).
 */
public final class TokenCleanup {
    private final GitLabConnections connections;
    private final Function<String, Optional<Secret>> apiTokens;

    /** @param apiTokens the token dkm uses for an instance (by base URL), if any: never revoked */
    public TokenCleanup(GitLabConnections connections, Function<String, Optional<Secret>> apiTokens) {
        this.connections = connections;
        this.apiTokens = apiTokens;
    }

    public TokenCleanup(GitLabConnections connections) {
        this(connections, instance -> Optional.empty());
    }

    /** How a revocation went, in one line. */
    public record Revocation(TokenUse token, boolean revoked, String message) {
        public Revocation {
            message = UrlRedactor.redact(message); // GitLab's answer or an exception's message: the one redactor
        }
    }

    /**
     * @param convertedBefore the converted repositories as they were scanned before the run
     * @param workspaceNow    the whole workspace scanned after the run
     */
    public static List<TokenUse> afterRun(List<RepoInfo> convertedBefore, List<RepoInfo> workspaceNow) {
        Map<Secret, Accumulator> bySecret = new LinkedHashMap<>();
        for (RepoInfo repo : convertedBefore) {
            for (RemoteInfo remote : repo.remotes()) {
                for (FoundToken t : remote.tokens()) {
                    Accumulator a = bySecret.computeIfAbsent(t.secret(), s -> new Accumulator(t, remote));
                    a.removedFrom.add(repo.relativePath());
                    if (remote.projectPath() != null) {
                        a.projects.add(remote.projectPath());
                    }
                }
            }
        }
        for (RepoInfo repo : workspaceNow) {
            for (RemoteInfo remote : repo.remotes()) {
                for (FoundToken t : remote.tokens()) {
                    Accumulator a = bySecret.get(t.secret());
                    if (a != null) {
                        a.stillUsedBy.add(repo.relativePath());
                    }
                }
            }
        }
        return bySecret.values().stream().map(Accumulator::toUse).toList();
    }

    private static final class Accumulator {
        final FoundToken token;
        final RemoteInfo remote;
        final Set<String> removedFrom = new LinkedHashSet<>();
        final Set<String> stillUsedBy = new LinkedHashSet<>();
        final Set<String> projects = new LinkedHashSet<>();

        Accumulator(FoundToken token, RemoteInfo remote) {
            this.token = token;
            this.remote = remote;
        }

        TokenUse toUse() {
            return new TokenUse(token.secret(), token.kind(), token.user(), remote.host(), remote.port(),
                    new ArrayList<>(removedFrom), new ArrayList<>(stillUsedBy), new ArrayList<>(projects));
        }
    }

    public Revocation revoke(TokenUse use) {
        if (!use.unused()) {
            return new Revocation(use, false, use.secret().redacted() + " is still used by "
                    + String.join(", ", use.stillUsedBy()) + ": not revoked");
        }
        Optional<GitLabConnection> connection = connections.forHost(use.host(), use.port());
        if (connection.isEmpty()) {
            return new Revocation(use, false, "no GitLab instance configured for " + use.host() + ": revoke "
                    + use.secret().redacted() + " in GitLab yourself");
        }
        if (apiTokens.apply(connection.get().instanceUrl()).filter(use.secret()::equals).isPresent()) {
            return new Revocation(use, false, use.secret().redacted() + " is the API token dkm signs in to "
                    + connection.get().instanceUrl() + " with: not revoked (rotate it with dkm api-token rotate, or log in"
                    + " with another token first)");
        }
        try {
            return switch (use.kind()) {
                case DEPLOY -> revokeDeployToken(use, connection.get().client());
                case JOB -> new Revocation(use, false, "CI job tokens expire with their job; nothing to revoke");
                default -> revokeAccessToken(use, connection.get().instanceUrl());
            };
        } catch (GitLabException e) {
            return new Revocation(use, false, e.userMessage(use.secret().redacted()));
        }
    }

    /** Personal (and project/group) access tokens revoke themselves: DELETE /personal_access_tokens/self with them. */
    private Revocation revokeAccessToken(TokenUse use, String instanceUrl) {
        try (GitLabClient asToken = GitLabClient.connect(instanceUrl, use.secret())) {
            asToken.revokePersonalAccessTokenSelf();
            return new Revocation(use, true, use.secret().redacted() + " revoked");
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.UNAUTHORIZED || e.kind() == GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED) {
                return new Revocation(use, false, use.secret().redacted() + " is already expired or revoked");
            }
            throw e;
        }
    }

    /** Deploy tokens are found by user name on the projects (then their parent groups) that used them. */
    private Revocation revokeDeployToken(TokenUse use, GitLabClient client) {
        if (use.user() == null) {
            return new Revocation(use, false, "the deploy token has no user name in the URL; revoke "
                    + use.secret().redacted() + " in GitLab yourself");
        }
        for (String project : use.projects()) {
            Optional<DeployToken> t = find(client, Scope.PROJECT, project, use.user());
            if (t.isPresent()) {
                client.deleteDeployToken(Scope.PROJECT, project, t.get().id());
                return new Revocation(use, true, "deploy token " + use.user() + " of " + project + " revoked");
            }
            for (String group : parentGroups(project)) {
                Optional<DeployToken> g = find(client, Scope.GROUP, group, use.user());
                if (g.isPresent()) {
                    client.deleteDeployToken(Scope.GROUP, group, g.get().id());
                    return new Revocation(use, true, "deploy token " + use.user() + " of group " + group + " revoked");
                }
            }
        }
        return new Revocation(use, false, "deploy token " + use.user() + " not found on " + String.join(", ", use.projects())
                + " or their groups (or you may not manage it): revoke it in GitLab yourself");
    }

    private static Optional<DeployToken> find(GitLabClient client, Scope scope, String id, String username) {
        try {
            return client.deployTokens(scope, id, true).stream().filter(t -> username.equals(t.username())).findFirst();
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.NOT_FOUND || e.kind() == GitLabErrorKind.FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code a/b/c} → {@code a/b}, {@code a}: nearest group first. */
    static List<String> parentGroups(String projectPath) {
        List<String> groups = new ArrayList<>();
        for (int i = projectPath.lastIndexOf('/'); i > 0; i = projectPath.lastIndexOf('/', i - 1)) {
            groups.add(projectPath.substring(0, i));
        }
        return groups;
    }
}
