package dev.dkm.app;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * "Try the demo": a local sandbox GitLab with a believable world, a workspace of clones with every kind of remote,
 * and the app's services pointed at them — its own settings, token file, keys and known_hosts under the demo folder,
 * so nothing of the user's real configuration, {@code ~/.ssh} or keyring is touched. Each start is a fresh world.
 */
public final class DemoEnvironment implements AutoCloseable {
    private final SandboxServer server;
    private final AppServices services;
    private final Path workspace;

    private DemoEnvironment(SandboxServer server, AppServices services, Path workspace) {
        this.server = server;
        this.services = services;
        this.workspace = workspace;
    }

    /** Starts a fresh demo under {@code demoDir} (the user's data dir + {@code /demo}); {@code env} supplies PATH etc. */
    public static DemoEnvironment start(Path demoDir, Function<String, String> env, Clock clock) throws IOException {
        deleteRecursively(demoDir);
        Path workspace = demoDir.resolve("workspace");
        SandboxServer server = Sandbox.builder().dataDir(demoDir.resolve("gitlab")).demo(true).workspace(workspace).start();
        try {
            Map<String, String> overrides = Map.of(
                    "DKM_CONFIG_DIR", demoDir.resolve("config").toString(),
                    "DKM_DATA_DIR", demoDir.resolve("data").toString(),
                    "DKM_SSH_DIR", demoDir.resolve("ssh").toString(),
                    "GITLAB_TOKEN", "", "GITLAB_HOST", "");
            Function<String, String> demoEnv = name -> overrides.containsKey(name) ? overrides.get(name) : env.apply(name);
            AppDirs dirs = new AppDirs(demoEnv, demoDir.toString());
            new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
            FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "demo: a local sandbox token");
            tokens.store(server.url(), Secret.of(server.maintainerToken()));
            AppServices services = AppServices.create(dirs, demoEnv, tokens, ClientFactory.DEFAULT, clock, null);
            return new DemoEnvironment(server, services, workspace);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public AppServices services() {
        return services;
    }

    public Path workspace() {
        return workspace;
    }

    public String instanceUrl() {
        return server.url();
    }

    @Override
    public void close() {
        services.close();
        server.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
