package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.app.OneClickSetup;
import dev.dkm.app.Preferences;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.settings.SettingsStore;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.task.Progress;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup and convert dialogs' view models open with the settings' key strategy and read-only default (what
 * Preferences saves), as the application hands them in; the plan made from them uses the shared key, read-only.
 */
class SetupDefaultsTest {
    @TempDir Path tmp;
    SandboxServer server;
    AppServices services;
    RepoInfo repo;

    @BeforeEach
    void sandboxAndTokenClone() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        IsolatedGit git = new IsolatedGit(tmp);
        Path dir = tmp.resolve("ws/website");
        git.git(tmp, "clone", "-q", server.repoDir("acme/website").toString(), dir.toString()).assertOk();
        git.git(dir, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/acme/website.git").assertOk();
        services = DialogTests.sandboxServices(server, git, tmp);
        // what Save in Preferences does: the settings file, and the running session
        services.savePreferences(new Preferences(KeyStrategy.ONE_KEY_PER_ENVIRONMENT, true, List.of(30, 7)));
        assertThat(SettingsStore.at(services.dirs()).load().keyStrategy()).isEqualTo(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        repo = new WorkspaceScanner(ScanOptions.defaults().withMaxDepth(0)).scan(List.of(dir), Progress.NONE).get(0);
    }

    @AfterEach
    void stop() {
        services.close();
        server.close();
    }

    @Test
    void the_setup_dialog_starts_with_the_shared_key_and_read_only_when_the_settings_say_so() {
        SetupOptions defaults = services.preferences().setupOptions();
        SetupDialogViewModel model = new SetupDialogViewModel(repo, () -> new OneClickSetup(services), services::undo,
                TaskExecutor.synchronous(), Runnable::run).startWith(defaults);
        assertThat(model.sharedKeyProperty().get()).isTrue();
        assertThat(model.readOnlyProperty().get()).isTrue();

        model.plan();
        assertThat(model.phaseProperty().get()).as(model.messageProperty().get()).isEqualTo(SetupDialogViewModel.Phase.READY);
        assertThat(model.planLines()).anySatisfy(l -> assertThat(l).startsWith("Key:").contains("_shared"));
        assertThat(model.planLines()).contains("Access:      read-only, no expiry");

        SetupDialogViewModel plain = new SetupDialogViewModel(repo, () -> new OneClickSetup(services), services::undo,
                TaskExecutor.synchronous(), Runnable::run);
        assertThat(plain.sharedKeyProperty().get()).as("without defaults: a key per repository").isFalse();
    }

    @Test
    void the_convert_dialog_starts_with_the_settings_strategy_and_access() {
        ConvertDialogViewModel model = new ConvertDialogViewModel(List.of(repo), List.of(repo), () -> {
            throw new AssertionError("no conversion in this test");
        }, TaskExecutor.synchronous(), Runnable::run).startWith(services.preferences().setupOptions());
        assertThat(model.keyStrategyProperty().get()).isEqualTo(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(model.options().sharedKey()).isTrue();
        assertThat(model.options().readOnly()).isTrue();
    }
}
