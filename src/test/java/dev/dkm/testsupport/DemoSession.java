package dev.dkm.testsupport;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.task.Progress;
import dev.dkm.workspace.GlobalGitConfig;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's demo world and workspace (with {@code shop/frontend/storefront} wired to its own deploy key), and an
 * app session logged in to it as the maintainer, everything under a temp dir.
 */
public final class DemoSession implements AutoCloseable {
    public final SandboxServer server;
    public final Path workspace;
    public final AppServices services;
    private final Path tmp;

    public DemoSession(Path tmp) throws IOException {
        this.tmp = tmp;
        workspace = tmp.resolve("ws");
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).demo(true).workspace(workspace).start();
        Map<String, String> env = Map.of(
                "HOME", tmp.resolve("home").toString(),
                "DKM_CONFIG_DIR", tmp.resolve("config").toString(),
                "DKM_DATA_DIR", tmp.resolve("data").toString(),
                "DKM_SSH_DIR", tmp.resolve("ssh").toString());
        AppDirs dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
        services = AppServices.create(dirs, env::get, tokens, ClientFactory.DEFAULT, Clock.systemUTC(), null);
    }

    public List<RepoInfo> scan() {
        return new WorkspaceScanner(ScanOptions.defaults(), GlobalGitConfig.none(), tmp).scan(List.of(workspace), Progress.NONE);
    }

    /** The scanned repository whose path ends with {@code name}. */
    public RepoInfo repo(String name) {
        return scan().stream().filter(r -> r.path().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no repository " + name + " in " + workspace));
    }

    /** A client of its own, as the project's owner, to check what the server holds. */
    public GitLabClient ownerClient() {
        return GitLabClient.connect(server.url(), Secret.of(server.ownerToken()));
    }

    @Override
    public void close() {
        services.close();
        server.close();
    }
}
