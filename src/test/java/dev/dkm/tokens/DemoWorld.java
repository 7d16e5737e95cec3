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
final class DemoWorld implements AutoCloseable {
    final SandboxServer server;
    final Path workspace;
    final List<RepoInfo> repos;

    DemoWorld(Path tmp) {
        workspace = tmp.resolve("ws");
        server = Sandbox.builder().dataDir(tmp.resolve("data")).workspace(workspace).start();
        repos = new WorkspaceScanner(ScanOptions.defaults(), GlobalGitConfig.none(), tmp).scan(List.of(workspace), Progress.NONE);
    }

    InstanceSettings settings() {
        return InstanceSettings.of(server.url());
    }

    InstanceConnection connect(String token) {
        return InstanceConnection.of(settings(), GitLabClient.connect(server.url(), Secret.of(token)));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        server.close();
    }
}
