package dev.dkm.deploykeys;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.keys.PublicKeyReader;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.task.Progress;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Joins the scan with GitLab: for each repository, is its key file enabled as a deploy key on its project, can it
 * push, when does it expire. Each project is asked for once per lookup (its deploy key list), with a bounded number
 * of calls in flight; the client's per-instance limit and pacing apply on top.
 */
public final class ServerKeyStatusLookup {
    private final GitLabConnections connections;
    private final int concurrency;

    public ServerKeyStatusLookup(GitLabConnections connections, int concurrency) {
        this.connections = connections;
        this.concurrency = concurrency;
    }

    public Map<Path, ServerKeyStatus> lookup(List<RepoInfo> repos, Progress progress) {
        Map<Path, ServerKeyStatus> result = new ConcurrentHashMap<>();
        Map<String, Object> keysByProject = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "dkm-server-status");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RepoInfo repo : repos) {
                futures.add(pool.submit(() -> {
                    if (!progress.isCancelled()) {
                        result.put(repo.path(), statusOf(repo, keysByProject));
                        progress.update(result.size(), repos.size(), repo.relativePath());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // statusOf never throws for one repository; a bug here must not hide the others
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    private ServerKeyStatus statusOf(RepoInfo repo, Map<String, Object> keysByProject) {
        Optional<RemoteInfo> remote = repo.primaryRemote();
        if (remote.isEmpty() || remote.get().host() == null || remote.get().projectPath() == null) {
            return ServerKeyStatus.of(ServerKeyStatus.State.NOT_GITLAB, null, "no GitLab remote");
        }
        RemoteInfo r = remote.get();
        Optional<GitLabConnection> connection = connections.forHost(r.host(), r.port());
        if (connection.isEmpty()) {
            return ServerKeyStatus.of(ServerKeyStatus.State.NO_INSTANCE, r.projectPath(),
                    "no GitLab instance configured for " + r.host());
        }
        // A repository without a key of its own needs no call: there is nothing to look for on the project.
        Optional<Path> keyFile = repo.sshCommand().identityFiles().stream().filter(KeyFileInfo::exists)
                .map(KeyFileInfo::resolved).findFirst();
        if (keyFile.isEmpty()) {
            return ServerKeyStatus.of(ServerKeyStatus.State.NO_KEY, r.projectPath(), "the repository has no key of its own");
        }
        String cacheKey = connection.get().instanceUrl() + " " + r.projectPath();
        Object keys = keysByProject.computeIfAbsent(cacheKey, k -> {
            try {
                return connection.get().client().projectDeployKeys(r.projectPath());
            } catch (GitLabException e) {
                return e;
            }
        });
        if (keys instanceof GitLabException e) {
            return ServerKeyStatus.of(ServerKeyStatus.State.ERROR, r.projectPath(), e.userMessage(r.projectPath()));
        }
        SshPublicKey publicKey;
        try {
            publicKey = new PublicKeyReader().read(keyFile.get());
        } catch (IOException e) {
            return ServerKeyStatus.of(ServerKeyStatus.State.ERROR, r.projectPath(), "cannot read " + keyFile.get() + ": " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        List<DeployKey> list = (List<DeployKey>) keys;
        return list.stream().filter(k -> k.sameKeyAs(publicKey.withoutComment())).findFirst()
                .map(k -> new ServerKeyStatus(ServerKeyStatus.State.ENABLED, r.projectPath(), k.id(), k.canPush(), k.expiresAt(),
                        "deploy key #" + k.id() + " \"" + k.title() + "\", " + (Boolean.TRUE.equals(k.canPush()) ? "read-write" : "read-only")
                                + (k.expiresAt() == null ? ", no expiry" : ", expires " + k.expiresAt().toString().substring(0, 10))))
                .orElseGet(() -> ServerKeyStatus.of(ServerKeyStatus.State.NOT_ENABLED, r.projectPath(),
                        keyFile.get().getFileName() + " is not a deploy key of " + r.projectPath()));
    }
}
