package dev.dkm.testsupport;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * dkm logged in to the sandbox GitLab as its maintainer, with everything under a temp dir: the environment (git's
 * isolated one plus {@code DKM_CONFIG_DIR}, {@code DKM_DATA_DIR}, {@code DKM_SSH_DIR}), the settings naming the
 * instance, and the token in a 0600 file store. For in-process CLI runs, child {@code dkm} processes and app sessions.
 */
public record SandboxLogin(Map<String, String> env, AppDirs dirs, FileTokenStore tokens) {

    public static SandboxLogin of(SandboxServer server, IsolatedGit git, Path tmp) throws IOException {
        Map<String, String> env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        AppDirs dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
        return new SandboxLogin(env, dirs, tokens);
    }

    /** An app session over this login (the real clients, the system clock). */
    public AppServices services() {
        return AppServices.create(dirs, env::get, tokens, ClientFactory.DEFAULT, Clock.systemUTC(), null);
    }
}
