package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.app.BulkConversion;
import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.journal.RunJournal;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defects 4, 5 and 7: a resume does what the run was asked to do and counts the whole run; undo and rollback
 * keep the user's edits; journals forget tokens once undo cannot use them. Real git, OpenSSH, the sandbox, and a real
 * {@code dkm} process killed with SIGKILL.
 *
 * <p>GitLab's source read: {@code lib/api/deploy_keys.rb} (gitlabhq/gitlabhq) for {@code can_push} on the project's
 * deploy keys listing, which is what "read-only" is checked against here.
 */
class RunUndoResumeTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    SandboxLogin login;
    Map<String, String> env;
    Path ws;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        server.world().createGroup("undo", "Undo", "private");
        server.world().addGroupMember("undo", "maria", 40);
        git = new IsolatedGit(tmp);
        login = SandboxLogin.of(server, git, tmp);
        env = new HashMap<>(login.env());
        ws = Files.createDirectories(tmp.resolve("ws"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private String urlToken() {
        return server.world().createPersonalAccessToken("maria", "in-urls", List.of("api"), null);
    }

    private Path clone(String project, Path dir, String token) throws Exception {
        if (!server.world().projectPaths().contains(project)) {
            server.world().createProject(project, project, "private");
        }
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), dir.toString()).assertOk();
        git.git(dir, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + token + "@") + "/" + project + ".git").assertOk();
        return dir;
    }

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, login.dirs(), login::tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(DkmCli.commandLine(context).execute(args), out.toString(), err.toString());
    }

    private Path runs() {
        return login.dirs().dataDir().resolve("runs");
    }

    private String lastRun() throws Exception {
        return RunJournal.list(runs()).get(0);
    }

    private Run convert(Path root, String... more) {
        List<String> args = new ArrayList<>(List.of("convert", root.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint()));
        args.addAll(List.of(more));
        return dkm(args.toArray(String[]::new));
    }

    private String config(Path repo) throws Exception {
        return Files.readString(repo.resolve(".git/config"));
    }

    // ---- defect 5: undo and rollback keep the user's edits

    @Test
    void undo_reverts_only_the_runs_lines_and_keeps_edits_made_after_the_run() throws Exception {
        String token = urlToken();
        Path repo = clone("undo/edited", ws.resolve("edited"), token);
        assertThat(convert(ws).exit()).isZero();
        git.git(repo, "config", "user.email", "after@run.invalid").assertOk();
        git.git(repo, "remote", "add", "upstream", "https://example.invalid/upstream.git").assertOk();

        Run undo = dkm("undo", lastRun());

        assertThat(undo.exit()).as(undo.all()).isZero();
        assertThat(undo.out()).contains("edits made since were kept");
        String now = config(repo);
        assertThat(now).contains("after@run.invalid").contains("upstream.git").doesNotContain("sshCommand");
        assertThat(now.contains("oauth2:" + token + "@")).as("the token URL is back").isTrue();
        assertThat(client.projectDeployKeys("undo/edited")).isEmpty();
    }

    @Test
    void undo_refuses_a_repository_whose_converted_lines_were_changed_and_keeps_the_key_it_still_uses() throws Exception {
        Path repo = clone("undo/mine", ws.resolve("mine"), urlToken());
        assertThat(convert(ws).exit()).isZero();
        String wired = git.git(repo, "config", "core.sshCommand").stdout().strip();
        git.git(repo, "config", "core.sshCommand", wired + " -o ServerAliveInterval=30").assertOk();
        String edited = config(repo);

        Run undo = dkm("undo", lastRun());

        assertThat(undo.exit()).as(undo.all()).isEqualTo(1);
        assertThat(undo.out()).contains("not restored").contains("sshCommand").contains("were changed since")
                .contains("kept").contains("whose config was not restored");
        assertThat(config(repo)).isEqualTo(edited);
        assertThat(client.projectDeployKeys("undo/mine")).hasSize(1);
        assertThat(git.git(repo, "ls-remote", "origin").exitCode()).isZero();
    }

    @Test
    void a_rollback_after_a_failed_verify_keeps_the_edit_made_to_the_config_since_wiring() throws Exception {
        Path repo = clone("undo/verify", ws.resolve("verify"), urlToken());
        byte[] before = Files.readAllBytes(repo.resolve(".git/config"));
        // the ssh the wired core.sshCommand runs: another program edits the config meanwhile, then the connection fails
        // (git finds it on its PATH; a real process, as a user's editor or a second git would be)
        Path bin = Files.createDirectories(tmp.resolve("wrapped-bin"));
        Path wrapper = bin.resolve("ssh");
        Files.writeString(wrapper, "#!/bin/sh\n/usr/bin/git -C '" + repo + "' config user.email during@verify.invalid\n"
                + "echo 'git@127.0.0.1: Permission denied (publickey).' >&2\nexit 255\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", bin + ":" + env.get("PATH"));

        Run run = convert(ws);

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        String now = config(repo);
        assertThat(now).contains("during@verify.invalid").doesNotContain("sshCommand");
        assertThat(now).isEqualTo(new String(before) + "[user]\n\temail = during@verify.invalid\n");
        assertThat(client.projectDeployKeys("undo/verify")).isEmpty();
    }

    @Test
    void undo_of_a_conversion_refused_because_the_config_was_edited_meanwhile_keeps_that_edit() throws Exception {
        Path repo = clone("undo/meanwhile", ws.resolve("meanwhile"), urlToken());
        try (AppServices services = login.services()) {
            BulkConversion conversion = new BulkConversion(services, List.of(ws));
            ConversionPreview preview = conversion.preview(BulkConversion.withTokens(conversion.scan(Progress.NONE)),
                    SetupOptions.defaults(), 1, Progress.NONE);
            git.git(repo, "config", "user.email", "meanwhile@plan.invalid").assertOk(); // between plan and apply
            String edited = config(repo);
            BulkConversion.Result result = conversion.run(null, preview, status -> true, 1, SetupOptions.defaults(),
                    Progress.NONE, BulkConverter.Listener.NONE);
            assertThat(result.report().outcomes()).singleElement().satisfies(o -> {
                assertThat(o.outcome()).isEqualTo(RepoOutcome.Outcome.FAILED);
                assertThat(o.reason()).contains("changed since the plan was made");
            });
            assertThat(config(repo)).isEqualTo(edited);

            Run undo = dkm("undo", result.report().runId());
            assertThat(undo.exit()).as(undo.all()).isZero();
            assertThat(config(repo)).isEqualTo(edited);
        }
        assertThat(client.projectDeployKeys("undo/meanwhile")).isEmpty();
    }

    // ---- defect 4: resume keeps the run's options, knows its run, re-verifies, counts the whole run

    @Test
    void a_read_only_shared_key_run_killed_then_resumed_without_flags_gives_the_rest_read_only_shared_keys() throws Exception {
        String token = urlToken();
        List<Path> repos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            repos.add(clone("undo/r" + i, ws.resolve("r" + i), token));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + tmp, "dev.dkm.Launcher",
                "convert", ws.toString(), "--yes", "--jobs", "1", "--read-only", "--shared-key",
                "--accept-host-key", server.hostKeyFingerprint()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile());
        pb.environment().putAll(env);
        Process child = pb.start();
        String runId = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            List<String> ids = RunJournal.list(runs());
            if (!ids.isEmpty()) {
                runId = ids.get(0);
                if (Files.readString(RunJournal.fileOf(runs(), runId)).contains("\"repo-finished\"")) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runId).as(Files.readString(tmp.resolve("killed.log"))).isNotNull();
        long left = repos.stream().filter(r -> !readString(r).contains("sshCommand")).count();
        assertThat(left).as("the kill left repositories to resume").isPositive();

        Run conflicting = dkm("convert", ws.toString(), "--resume", runId, "--yes", "--read-write");
        assertThat(conflicting.exit()).isEqualTo(2);
        assertThat(conflicting.err()).contains("--read-only").contains("leave out --read-write");
        Run unknown = dkm("convert", ws.toString(), "--resume", "20000101-000000-dead", "--yes");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run 20000101-000000-dead");

        Run resumed = dkm("convert", ws.toString(), "--resume", runId, "--yes", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("5 converted");
        for (int i = 0; i < 5; i++) {
            assertThat(readString(repos.get(i))).contains("_shared");
            List<DeployKey> keys = client.projectDeployKeys("undo/r" + i);
            assertThat(keys).singleElement().satisfies(k -> assertThat(k.canPush()).isFalse());
        }
    }

    @Test
    void a_resume_verifies_a_repository_the_crash_left_wired_but_unverified() throws Exception {
        Path repo = clone("undo/unverified", ws.resolve("unverified"), urlToken());
        assertThat(convert(ws).exit()).isZero();
        String runId = lastRun();
        Path journal = RunJournal.fileOf(runs(), runId);
        // as if killed between wiring and verifying: the journal ends before the repository's outcome
        List<String> lines = Files.readAllLines(journal).stream()
                .filter(l -> !l.contains("\"repo-finished\"") && !l.contains("\"run-finished\"")).toList();
        Files.write(journal, lines);

        Run resumed = dkm("convert", ws.toString(), "--resume", runId, "--yes", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(resumed.out()).containsPattern("unverified\\s+converted").contains("1 converted");
        assertThat(Files.readString(journal)).contains("\"repo-finished\"");
        assertThat(git.git(repo, "ls-remote", "origin").exitCode()).isZero();
    }

    // ---- defect 7: journals forget tokens

    @Test
    void after_undo_no_copy_of_the_removed_token_raw_or_encoded_is_left_under_dkms_folders() throws Exception {
        String token = urlToken();
        clone("undo/forget", ws.resolve("forget"), token);
        assertThat(convert(ws).exit()).isZero();
        assertThat(RunOwnershipTest.anyCopyUnder(login.dirs().dataDir(), token)).as("the journal holds it while undo needs it").isTrue();
        // a journal of an earlier version (base64 of the whole config) is scrubbed by its undo too
        Path legacy = RunJournal.fileOf(runs(), "20200101-000000-0001");
        String original = "[remote \"origin\"]\n\turl = http://oauth2:" + token + "@localhost/x.git\n";
        Files.writeString(legacy, "{\"at\":\"2020-01-01T00:00:00Z\",\"type\":\"run-started\",\"runId\":\"20200101-000000-0001\",\"description\":\"old\"}\n"
                + "{\"at\":\"2020-01-01T00:00:00Z\",\"type\":\"config-saved\",\"repo\":\"/nowhere\",\"configFile\":\""
                + tmp.resolve("legacy-config") + "\",\"original\":\"" + java.util.Base64.getEncoder().encodeToString(original.getBytes()) + "\"}\n");

        Run undo = dkm("undo", lastRun());
        Run undoLegacy = dkm("undo", "20200101-000000-0001");

        assertThat(undo.exit()).as(undo.all()).isZero();
        assertThat(undoLegacy.exit()).as(undoLegacy.all()).isZero();
        Files.deleteIfExists(tmp.resolve("legacy-config"));
        assertThat(RunOwnershipTest.anyCopyUnder(login.dirs().dataDir(), token)).as("a copy of the token under the data dir").isFalse();
        assertThat(RunOwnershipTest.anyCopyUnder(login.dirs().configDir(), token)).as("a copy of the token under the config dir").isFalse();
    }

    @Test
    void a_revoked_token_leaves_the_journals_and_undo_then_says_it_was_revoked() throws Exception {
        String token = urlToken();
        Path repo = clone("undo/revoked", ws.resolve("revoked"), token);

        Run run = convert(ws, "--revoke-unused-tokens");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("revoked");
        assertThat(RunOwnershipTest.anyCopyUnder(login.dirs().dataDir(), token)).as("a copy of the revoked token").isFalse();

        Run undo = dkm("undo", lastRun());
        assertThat(undo.exit()).as(undo.all()).isZero();
        assertThat(undo.out()).contains("was revoked");
        assertThat(config(repo)).doesNotContain("sshCommand").contains("url = " + server.url() + "/undo/revoked.git");
    }

    @Test
    void runs_are_pruned_on_demand_and_automatically_and_the_runs_folder_is_tightened_to_0700() throws Exception {
        clone("undo/prune", ws.resolve("prune"), urlToken());
        assertThat(convert(ws).exit()).isZero();
        String first = lastRun();
        Files.setPosixFilePermissions(runs(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(RunJournal.fileOf(runs(), first), FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));
        assertThat(dkm("undo", first).exit()).isZero();
        Files.setLastModifiedTime(RunJournal.fileOf(runs(), first), FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));

        assertThat(convert(ws).exit()).isZero(); // a new run prunes what is older than 30 days
        assertThat(RunJournal.list(runs())).doesNotContain(first).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs()))).isEqualTo("rwx------");

        Run bad = dkm("runs", "--prune", "--older-than", "a while");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--older-than");
        Run prune = dkm("runs", "--prune", "--older-than", "0d");
        assertThat(prune.exit()).as(prune.all()).isZero();
        assertThat(prune.out()).contains("Pruned 1 run(s)");
        assertThat(RunJournal.list(runs())).isEmpty();
    }

    // ---- more of the same kind: the journal folder unusable, the instance's token gone before the undo

    @Test
    void a_journal_that_cannot_be_written_stops_the_run_with_one_sentence_before_anything_changes() throws Exception {
        Path repo = clone("undo/nojournal", ws.resolve("nojournal"), urlToken());
        byte[] before = Files.readAllBytes(repo.resolve(".git/config"));
        Files.createDirectories(runs().getParent());
        Files.writeString(runs(), "not a folder"); // (root ignores modes: a file where the folder goes fails for everyone)

        Run run = convert(ws);
        Run setup = dkm("setup", repo.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("dkm convert: the run journal cannot be written in").contains("nothing was changed")
                .doesNotContain("\tat ");
        assertThat(setup.exit()).as(setup.all()).isEqualTo(1);
        assertThat(setup.err()).contains("dkm setup: the run journal cannot be written in").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(repo.resolve(".git/config"))).isEqualTo(before);
        assertThat(client.projectDeployKeys("undo/nojournal")).isEmpty();
    }

    @Test
    void an_undo_after_logging_out_restores_the_configs_and_says_which_keys_it_could_not_remove() throws Exception {
        Path repo = clone("undo/loggedout", ws.resolve("loggedout"), urlToken());
        assertThat(convert(ws).exit()).isZero();
        assertThat(dkm("logout", "--host", server.url()).exit()).isZero();

        Run undo = dkm("undo", lastRun());

        assertThat(undo.exit()).as(undo.all()).isEqualTo(1);
        assertThat(undo.out()).contains("config restored byte for byte").contains("could not reach GitLab").contains("again");
        assertThat(undo.all()).doesNotContain("\tat ");
        assertThat(config(repo)).doesNotContain("sshCommand");
        assertThat(client.projectDeployKeys("undo/loggedout")).hasSize(1); // left for the next undo, which says so
    }

    private static String readString(Path repo) {
        try {
            return Files.readString(repo.resolve(".git/config"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
