package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.Processes;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 10: a journal folder dkm cannot write is one line on stderr and exit 1, not a stack trace.
 * Tests run as root, whom chmod does not stop: the folder is made immutable ({@code chattr +i}) instead.
 */
class UnwritableRunsFolderTest {
    @TempDir Path tmp;

    @Test
    void setup_with_an_unwritable_runs_folder_says_so_in_one_line() throws Exception {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start()) {
            IsolatedGit git = new IsolatedGit(tmp);
            Map<String, String> env = new HashMap<>(git.env());
            env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
            env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
            env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
            AppDirs dirs = AppDirs.of(env, tmp.toString());
            new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
            FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
            tokens.store(server.url(), Secret.of(server.maintainerToken()));
            Path repo = tmp.resolve("ws/website");
            Files.createDirectories(repo.getParent());
            git.git(tmp, "clone", "-q", server.repoDir("acme/website").toString(), repo.toString()).assertOk();
            git.git(repo, "remote", "set-url", "origin",
                    server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/acme/website.git").assertOk();
            byte[] before = Files.readAllBytes(repo.resolve(".git/config"));

            Path runs = Files.createDirectories(dirs.dataDir().resolve("runs"));
            Processes.run(tmp, tmp, List.of("chattr", "+i", runs.toString())).assertOk();
            try {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                        ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
                int exit = DkmCli.commandLine(context).execute("setup", repo.toString(), "--yes", "--accept-host-key",
                        server.hostKeyFingerprint());

                assertThat(exit).isEqualTo(1);
                assertThat(err.toString()).contains("dkm setup: ").contains(runs.toString())
                        .doesNotContain("\tat ").doesNotContain("Caused by");
                assertThat(err.toString().strip().lines()).hasSize(1);
                assertThat(out.toString() + err).doesNotContain(server.maintainerToken());
                assertThat(Files.readAllBytes(repo.resolve(".git/config"))).as("nothing was changed").isEqualTo(before);
            } finally {
                Processes.run(tmp, tmp, List.of("chattr", "-i", runs.toString())).assertOk();
            }
        }
    }
}
