package dev.dkm.deploykeys;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.GitLabUser;
import dev.dkm.gitlab.Project;
import dev.dkm.keys.PublicKeyReader;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.remote.RemoteKind;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deploy keys of one GitLab project, as the details pane and {@code dkm keys} manage them: list them (marking the
 * one the repository is wired to), switch a key between read-only and read-write, remove one (refused for the key the
 * repository uses unless confirmed: its pushes would stop), and enable a key that already exists elsewhere. Every
 * GitLab failure becomes a {@link KeyManagementException} with one sentence for the user.
 */
public final class ProjectDeployKeys {
    private static final int MAINTAINER = 40;

    private final GitLabConnections connections;
    private final PublicKeyReader publicKeys;

    public ProjectDeployKeys(GitLabConnections connections) {
        this(connections, new PublicKeyReader());
    }

    ProjectDeployKeys(GitLabConnections connections, PublicKeyReader publicKeys) {
        this.connections = connections;
        this.publicKeys = publicKeys;
    }

    /**
     * A project on an instance, seen from a repository or not.
     *
     * @param repoName  the repository's folder name, or null when not seen from a repository (CLI)
     * @param usedKeys  the public keys the repository's {@code core.sshCommand} pushes with (empty when none or not SSH)
     */
    public record Target(String instanceUrl, String projectPath, GitLabClient client, String repoName, List<SshPublicKey> usedKeys) {
        public Target {
            usedKeys = List.copyOf(usedKeys);
        }

        boolean uses(DeployKey key) {
            return key.key() != null && usedKeys.stream().anyMatch(u -> key.sameKeyAs(u.withoutComment()));
        }
    }

    /** A deploy key on the project, and whether the repository is wired to it. */
    public record ProjectKey(DeployKey key, boolean usedByThisRepo) {
        public long id() {
            return key.id();
        }

        public boolean readWrite() {
            return Boolean.TRUE.equals(key.canPush());
        }

        /** {@code SHA256:Jrs3LD1J…} — enough to tell keys apart at a glance. */
        public String shortFingerprint() {
            return ProjectDeployKeys.shortFingerprint(key);
        }
    }

    /** What the project holds; {@code note} is one sentence when the repository's key is not among them, else null. */
    public record Listing(Target target, List<ProjectKey> keys, String note) {
        public Listing {
            keys = List.copyOf(keys);
        }
    }

    /** A key that could be enabled on the project, and why it is offered ("from your projects", "public"). */
    public record Candidate(DeployKey key, String source) {}

    /**
     * The project behind the repository's {@code origin} (or first remote) on a configured instance with a token;
     * empty when there is none (no remote, not a GitLab project path, or no instance configured for the host).
     */
    public Optional<Target> target(RepoInfo repo) {
        Optional<RemoteInfo> remote = repo.primaryRemote().filter(r -> r.host() != null && r.projectPath() != null);
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        Optional<GitLabConnection> connection = connections.forHost(remote.get().host(), remote.get().port());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        List<SshPublicKey> used = remote.get().kind() == RemoteKind.SSH ? wiredKeys(repo) : List.of();
        String name = repo.path().getFileName() == null ? repo.path().toString() : repo.path().getFileName().toString();
        return Optional.of(new Target(connection.get().instanceUrl(), remote.get().projectPath(), connection.get().client(), name, used));
    }

    /** A project named directly (the CLI): no repository, so no key is "used". */
    public static Target target(GitLabConnection connection, String project) {
        return new Target(connection.instanceUrl(), project, connection.client(), null, List.of());
    }

    public Listing list(Target target) throws KeyManagementException {
        List<DeployKey> keys = call(target, () -> target.client().projectDeployKeys(target.projectPath()));
        List<ProjectKey> rows = keys.stream()
                .map(k -> new ProjectKey(k, target.uses(k)))
                .sorted(Comparator.comparing((ProjectKey k) -> !k.usedByThisRepo()).thenComparing(ProjectKey::id))
                .toList();
        String note = null;
        if (!target.usedKeys().isEmpty() && rows.stream().noneMatch(ProjectKey::usedByThisRepo)) {
            note = "The key " + target.repoName() + " is wired to (" + target.usedKeys().get(0).fingerprintSha256()
                    + ") is not a deploy key of " + target.projectPath() + ": it may be a personal SSH key, or pushes will fail.";
        }
        return new Listing(target, rows, note);
    }

    /** Makes the key read-write or read-only on this project; returns it as GitLab now shows it. */
    public ProjectKey setCanPush(Target target, long keyId, boolean canPush) throws KeyManagementException {
        DeployKey updated = call(target, () -> target.client().updateDeployKey(target.projectPath(), keyId, null, canPush));
        return new ProjectKey(updated, target.uses(updated));
    }

    /** One sentence for after {@link #setCanPush}: what changed, and what it means for this repository. */
    public static String accessChanged(Target target, ProjectKey key) {
        String what = "Deploy key #" + key.id() + " \"" + key.key().title() + "\" is now "
                + (key.readWrite() ? "read-write" : "read-only") + " on " + target.projectPath();
        if (key.usedByThisRepo() && !key.readWrite()) {
            return what + ": git push from " + target.repoName() + " will be refused (fetch still works).";
        }
        return what + ".";
    }

    /**
     * Why removing the key deserves a second thought, or empty: for the key this repository uses, pushes (and
     * fetches) over SSH stop working.
     */
    public static Optional<String> removalWarning(Target target, ProjectKey key) {
        if (!key.usedByThisRepo()) {
            return Optional.empty();
        }
        return Optional.of("This is the key " + target.repoName() + " pushes with: after removing it, git push and fetch from "
                + target.repoName() + " over SSH will stop working until another key is set up.");
    }

    /**
     * Removes the key from the project (GitLab deletes it altogether when no other project uses it). The key this
     * repository uses is refused unless {@code confirmedUsedKey}.
     */
    public void remove(Target target, ProjectKey key, boolean confirmedUsedKey) throws KeyManagementException {
        Optional<String> warning = removalWarning(target, key);
        if (warning.isPresent() && !confirmedUsedKey) {
            throw new KeyManagementException(warning.get());
        }
        call(target, () -> {
            target.client().deleteDeployKey(target.projectPath(), key.id());
            return null;
        });
    }

    /** Removes a key named by id (the CLI: no repository, so nothing to refuse). */
    public void remove(Target target, long keyId) throws KeyManagementException {
        DeployKey key = call(target, () -> target.client().projectDeployKey(target.projectPath(), keyId));
        remove(target, new ProjectKey(key, target.uses(key)), false);
    }

    /**
     * Keys that could be enabled here and are not yet: those of projects the caller works on
     * ({@code /users/:id/project_deploy_keys}, or each Maintainer project's list before GitLab 15.1), plus the
     * instance's public keys when the caller is an administrator.
     */
    public List<Candidate> enableable(Target target) throws KeyManagementException {
        return call(target, () -> {
            GitLabClient client = target.client();
            Set<Long> present = client.projectDeployKeys(target.projectPath()).stream().map(DeployKey::id).collect(Collectors.toSet());
            GitLabUser me = client.currentUser();
            Map<Long, Candidate> found = new LinkedHashMap<>();
            for (DeployKey k : ownProjectsKeys(client, me)) {
                found.putIfAbsent(k.id(), new Candidate(k, "from your projects"));
            }
            if (Boolean.TRUE.equals(me.isAdmin())) {
                for (DeployKey k : client.instanceDeployKeys(true)) {
                    found.put(k.id(), new Candidate(k, "public"));
                }
            }
            List<Candidate> out = new ArrayList<>();
            for (Candidate c : found.values()) {
                if (!present.contains(c.key().id())) {
                    out.add(c);
                }
            }
            out.sort(Comparator.comparing((Candidate c) -> c.key().title() == null ? "" : c.key().title().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(c -> c.key().id()));
            return out;
        });
    }

    private static List<DeployKey> ownProjectsKeys(GitLabClient client, GitLabUser me) {
        try {
            return client.userProjectDeployKeys(String.valueOf(me.id()));
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.FORBIDDEN && e.detail() != null && e.detail().contains("No common authorized project")) {
                // lib/api/users.rb: forbidden!('No common authorized project found') when the caller maintains no project
                return List.of();
            }
            if (e.kind() != GitLabErrorKind.NOT_FOUND && e.kind() != GitLabErrorKind.UNEXPECTED_STATUS) {
                throw e;
            }
        }
        // Before GitLab 15.1: every project the caller maintains, one list each.
        List<DeployKey> keys = new ArrayList<>();
        for (Project p : client.memberProjects(MAINTAINER, null)) {
            keys.addAll(client.projectDeployKeys(String.valueOf(p.id())));
        }
        return keys;
    }

    /** Enables an existing key on the project, read-only unless {@code readWrite} (GitLab enables keys read-only). */
    public ProjectKey enable(Target target, long keyId, boolean readWrite) throws KeyManagementException {
        DeployKey enabled = call(target, () -> {
            DeployKey k = target.client().enableDeployKey(target.projectPath(), keyId);
            return readWrite ? target.client().updateDeployKey(target.projectPath(), keyId, null, true)
                    : target.client().projectDeployKey(target.projectPath(), k.id());
        });
        return new ProjectKey(enabled, target.uses(enabled));
    }

    /** {@code SHA256:Jrs3LD1Ji30x…} (the MD5 one when GitLab gave no SHA256), or "" when GitLab gave neither. */
    public static String shortFingerprint(DeployKey key) {
        String f = key.fingerprintSha256() != null ? key.fingerprintSha256() : key.fingerprint();
        if (f == null) {
            return "";
        }
        int keep = f.startsWith("SHA256:") ? "SHA256:".length() + 12 : 17;
        return f.length() <= keep + 1 ? f : f.substring(0, keep) + "…";
    }

    private List<SshPublicKey> wiredKeys(RepoInfo repo) {
        List<SshPublicKey> keys = new ArrayList<>();
        for (KeyFileInfo file : repo.sshCommand().identityFiles()) {
            if (file.resolved() == null) {
                continue;
            }
            try {
                keys.add(publicKeys.read(file.resolved()));
            } catch (IOException | RuntimeException e) {
                // A missing or unreadable key file: the scan already shows why; nothing to match against.
            }
        }
        return keys;
    }

    private interface GitLabCall<T> {
        T run();
    }

    private static <T> T call(Target target, GitLabCall<T> call) throws KeyManagementException {
        try {
            return call.run();
        } catch (GitLabException e) {
            throw new KeyManagementException(e.userMessage(target.projectPath()), e);
        }
    }
}
