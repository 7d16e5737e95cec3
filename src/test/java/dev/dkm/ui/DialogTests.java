package dev.dkm.ui;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.IsolatedGit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** What the dialog tests share: an app session on the sandbox GitLab inside a temp dir, the open dialog, waiting. */
final class DialogTests {
    private DialogTests() {}

    /** Settings, token (the sandbox maintainer's), keys and known_hosts all under {@code tmp}; git isolated too. */
    static AppServices sandboxServices(SandboxServer server, IsolatedGit git, Path tmp) throws Exception {
        Map<String, String> env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        AppDirs dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
        return AppServices.create(dirs, env::get, tokens, ClientFactory.DEFAULT, Clock.systemUTC(), null);
    }

    /** The window shown over {@code main}, if any. */
    static Optional<Stage> dialog(Stage main) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s != main && s.isShowing())
                .map(w -> (Stage) w).findFirst();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
