package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.journal.RunJournal;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.IsolatedGit;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code dkm convert} process killed with SIGKILL at random points of its journal, then undone or resumed:
 * no config is ever half-written, and no deploy key is left behind that no repository uses.
 */
class ConvertKilledMidRunTest {
    private static final int REPOS = 10;

    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    Map<String, String> env;
    AppDirs dirs;
    FileTokenStore tokens;
    Path workspace;
    Map<Path, byte[]> originals;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        server.world().createGroup("crash", "Crash", "private");
        server.world().addGroupMember("crash", "maria", 40);
        git = new IsolatedGit(tmp);
        env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
        workspace = Files.createDirectories(tmp.resolve("ws"));
        originals = new HashMap<>();
        for (int i = 0; i < REPOS; i++) {
            String project = "crash/p" + i;
            server.world().createProject(project, "P" + i, "private");
            Path repo = workspace.resolve("r" + i);
            git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
            git.git(repo, "remote", "set-url", "origin",
                    server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git").assertOk();
            originals.put(repo, Files.readAllBytes(repo.resolve(".git/config")));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void killed_at_random_points_then_undone_or_resumed_leaves_no_corrupt_config_and_no_stray_key() throws Exception {
        Random random = new Random(20261122);
        for (int round = 0; round < 3; round++) {
            int killAfterEntries = 2 + random.nextInt(REPOS * 3);
            String runId = startAndKill(killAfterEntries);
            assertEveryConfigIsWholeAndOriginalOrConverted();
            if (originals.keySet().stream().anyMatch(r -> Files.exists(r.resolve(".git/config.lock")))) {
                // killed between taking git's lock and renaming it: the lock stays, as git's own would; undo and
                // resume take it away once it has been left alone for a second (StaleConfigLocks)
                Thread.sleep(1_100);
            }

            if (round % 2 == 0) {
                Run undo = dkm("undo", runId);
                assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
                for (Map.Entry<Path, byte[]> e : originals.entrySet()) {
                    assertThat(Files.readAllBytes(e.getKey().resolve(".git/config"))).as(e.getKey().toString()).isEqualTo(e.getValue());
                }
                assertThat(keysOnProjects()).isZero();
                assertNoConfigLockLeft();
            } else {
                Run resume = dkm("convert", workspace.toString(), "--resume", runId, "--yes", "--accept-host-key", server.hostKeyFingerprint());
                assertThat(resume.exit()).as(resume.out() + resume.err()).isZero();
                for (Path repo : originals.keySet()) {
                    assertThat(Files.readString(repo.resolve(".git/config"))).doesNotContain(server.maintainerToken()).contains("sshCommand");
                }
                assertThat(keysOnProjects()).isEqualTo(REPOS);
                assertNoConfigLockLeft();
                Run undo = dkm("undo", runId); // back to the start for the next round
                assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
                assertThat(keysOnProjects()).isZero();
            }
        }
    }

    /** Starts dkm convert as its own JVM and SIGKILLs it once its journal has {@code entries} lines. */
    private String startAndKill(int entries) throws Exception {
        Path runs = dirs.dataDir().resolve("runs");
        List<String> before = RunJournal.list(runs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + tmp, "dev.dkm.Launcher",
                "convert", workspace.toString(), "--yes", "--jobs", "3", "--accept-host-key", server.hostKeyFingerprint()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().putAll(env);
        Process child = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String runId = null;
        while (child.isAlive() && System.nanoTime() < deadline) {
            List<String> now = new ArrayList<>(RunJournal.list(runs));
            now.removeAll(before);
            if (!now.isEmpty()) {
                runId = now.get(0);
                if (Files.readAllLines(RunJournal.fileOf(runs, runId)).size() >= entries) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (runId == null) {
            List<String> now = new ArrayList<>(RunJournal.list(runs));
            now.removeAll(before);
            assertThat(now).as(Files.readString(tmp.resolve("child.log"))).isNotEmpty();
            runId = now.get(0);
        }
        return runId;
    }

    private void assertEveryConfigIsWholeAndOriginalOrConverted() throws Exception {
        for (Map.Entry<Path, byte[]> e : originals.entrySet()) {
            Path config = e.getKey().resolve(".git/config");
            git.git(e.getKey(), "config", "--list").assertOk(); // git can read it: never half-written
            byte[] now = Files.readAllBytes(config);
            if (!Arrays.equals(now, e.getValue())) {
                assertThat(new String(now)).doesNotContain(server.maintainerToken()).contains("sshCommand");
            }
        }
    }

    private void assertNoConfigLockLeft() {
        for (Path repo : originals.keySet()) {
            assertThat(repo.resolve(".git/config.lock")).doesNotExist();
        }
    }

    private int keysOnProjects() {
        int n = 0;
        for (int i = 0; i < REPOS; i++) {
            n += client.projectDeployKeys("crash/p" + i).size();
        }
        return n;
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(DkmCli.commandLine(context).execute(args), out.toString(), err.toString());
    }
}
