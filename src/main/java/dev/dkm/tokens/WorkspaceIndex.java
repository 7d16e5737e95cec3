package dev.dkm.tokens;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scanned repositories of one instance point at: the projects behind their remotes and those projects'
 * parent groups, the deploy-token users and access tokens embedded in URLs, and the key files wired by
 * {@code core.sshCommand}; each with the repositories that depend on it.
 */
final class WorkspaceIndex {
    /** A key file wired for an SSH remote of a project. */
    record WiredKey(String project, Path keyFile) {}

    final Map<String, Set<String>> projects = new LinkedHashMap<>();
    final Set<String> groups = new LinkedHashSet<>();
    /** Deploy-token user name in a URL → project → repositories. */
    final Map<String, Map<String, Set<String>>> deployTokenUsers = new LinkedHashMap<>();
    private final Map<String, String> deployTokenRedacted = new LinkedHashMap<>();
    /** Access token in a URL (distinct by value) → repositories. */
    final Map<Secret, Set<String>> accessTokens = new LinkedHashMap<>();
    final Map<WiredKey, Set<String>> wiredKeys = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    static WorkspaceIndex of(List<RepoInfo> repos, InstanceConnection instance) {
        WorkspaceIndex index = new WorkspaceIndex();
        for (RepoInfo repo : repos) {
            for (RemoteInfo remote : repo.remotes()) {
                if (remote.projectPath() != null && instance.serves(remote)) {
                    index.add(repo, remote);
                }
            }
        }
        return index;
    }

    private void add(RepoInfo repo, RemoteInfo remote) {
        String dependent = repo.relativePath();
        String project = remote.projectPath();
        projects.computeIfAbsent(project, p -> new LinkedHashSet<>()).add(dependent);
        groups.addAll(parentGroups(project));
        for (FoundToken token : remote.tokens()) {
            if (token.kind() == TokenKind.DEPLOY && token.user() != null) {
                deployTokenUsers.computeIfAbsent(token.user(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(project, p -> new LinkedHashSet<>()).add(dependent);
                deployTokenRedacted.put(token.user(), token.secret().redacted());
            } else if (token.kind() == TokenKind.DEPLOY) {
                notes.add(dependent + ": a deploy token without its user name in the URL cannot be matched to GitLab's list");
            } else if (token.kind() == TokenKind.PERSONAL) {
                accessTokens.computeIfAbsent(token.secret(), s -> new LinkedHashSet<>()).add(dependent);
            }
        }
        if (remote.kind() == RemoteKind.SSH) {
            for (KeyFileInfo key : repo.sshCommand().identityFiles()) {
                if (key.exists()) {
                    wiredKeys.computeIfAbsent(new WiredKey(project, key.resolved()), k -> new LinkedHashSet<>()).add(dependent);
                }
            }
        }
    }

    /** The redacted form of the deploy token that user name came with in a URL. */
    java.util.Optional<String> deployTokenRedacted(String username) {
        return java.util.Optional.ofNullable(deployTokenRedacted.get(username));
    }

    /** {@code a/b/c/project} → {@code a/b/c, a/b, a}. A user namespace shows up too; GitLab answers 404 for it. */
    static List<String> parentGroups(String projectPath) {
        List<String> out = new ArrayList<>();
        String p = projectPath;
        for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/')) {
            p = p.substring(0, slash);
            out.add(p);
        }
        return out;
    }

    /** The project and its parent groups: where a deploy token used by a repo of that project can live. */
    static Set<String> scopesCovering(String projectPath) {
        Set<String> out = new LinkedHashSet<>();
        out.add(projectPath);
        out.addAll(parentGroups(projectPath));
        return out;
    }
}
