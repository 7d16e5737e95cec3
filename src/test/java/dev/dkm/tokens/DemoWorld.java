package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.task.Progress;
import dev.dkm.workspace.GlobalGitConfig;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The sandbox's demo world and workspace, scanned, for the token use case tests. */
public final class DemoWorld implements AutoCloseable {
    public final SandboxServer server;
    public final Path workspace;
    public final List<RepoInfo> repos;

    public DemoWorld(Path tmp) {
        workspace = tmp.resolve("ws");
        server = Sandbox.builder().dataDir(tmp.resolve("data")).workspace(workspace).start();
        repos = new WorkspaceScanner(ScanOptions.defaults(), GlobalGitConfig.none(), tmp).scan(List.of(workspace), Progress.NONE);
    }

    public InstanceSettings settings() {
        return InstanceSettings.of(server.url());
    }

    public InstanceConnection connect(String token) {
        return InstanceConnection.of(settings(), GitLabClient.connect(server.url(), Secret.of(token)));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Everything the owner can see, tokens in remotes inspected (the demo's full picture). */
    public CollectionResult collectAsOwner() {
        return collectAsOwner(true);
    }

    /** Everything the owner can see; tokens in remotes only asked about with {@code inspectUrlTokens}. */
    public CollectionResult collectAsOwner(boolean inspectUrlTokens) {
        InstanceConnection c = connect(server.ownerToken());
        try {
            return new CredentialCollector(inspectUrlTokens).collect(repos, List.of(c), Progress.NONE);
        } finally {
            c.client().close();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
