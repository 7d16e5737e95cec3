package dev.dkm.ui;

import dev.dkm.app.AppServices;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import java.nio.file.Path;
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
        return SandboxLogin.of(server, git, tmp).services();
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
