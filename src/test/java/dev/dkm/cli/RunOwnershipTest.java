package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.RunLocks;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defects 1–3: a run owns the deploy-key attachments it creates, runs exclude each other across processes,
 * and revocation spares the login token and tokens used under other roots. Real git, real OpenSSH, the sandbox, and
 * real {@code dkm} processes for the cross-process cases.
 *
 * <p>GitLab's source read for the behaviour relied on: {@code lib/api/deploy_keys.rb} (gitlabhq/gitlabhq) — a POST of a
 * key the project already has answers with that key ("Check for an existing key joined to this project ... present
 * key"), exactly as a creation does, so the caller cannot tell from the answer that it did not create it; and DELETE
 * {@code /projects/:id/deploy_keys/:key_id} destroys the project's attachment, cutting off every clone wired to it.
 */
class RunOwnershipTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    SandboxLogin login;
    Path ws;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        server.world().createGroup("seam", "Seam", "private");
        server.world().addGroupMember("seam", "maria", 40);
        git = new IsolatedGit(tmp);
        login = SandboxLogin.of(server, git, tmp);
        ws = Files.createDirectories(tmp.resolve("ws"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A token of maria's that is not the one dkm is logged in with. */
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
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), login.env()::get, login.dirs(), login::tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(DkmCli.commandLine(context).execute(args), out.toString(), err.toString());
    }

    private Process dkmProcess(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + tmp, "dev.dkm.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(login.env());
        return pb.start();
    }

    private boolean pushesOverSsh(Path repo) throws Exception {
        Files.writeString(repo.resolve("pushed.txt"), repo.getFileName() + "\n");
        git.git(repo, "add", "pushed.txt").assertOk();
        git.git(repo, "commit", "-q", "-m", "push over ssh").assertOk();
        return git.git(repo, "push", "-q", "origin", "HEAD:refs/heads/from-" + repo.getFileName()).exitCode() == 0;
    }

    private boolean loginTokenWorks() {
        try (GitLabClient asLogin = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            return asLogin.currentUser() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean tokenWorks(String token) {
        try (GitLabClient as = GitLabClient.connect(server.url(), Secret.of(token))) {
            return as.currentUser() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void a_clone_that_fails_after_registering_does_not_remove_the_key_its_converted_sibling_uses() throws Exception {
        String token = urlToken();
        Path first = clone("seam/app", ws.resolve("a-first"), token);
        Path second = clone("seam/app", ws.resolve("b-locked"), token);
        byte[] secondBefore = Files.readAllBytes(second.resolve(".git/config"));
        Files.writeString(second.resolve(".git/config.lock"), ""); // git (or an editor) holds the second clone's config

        Run run = dkm("convert", ws.toString(), "--yes", "--jobs", "1", "--revoke-unused-tokens",
                "--accept-host-key", server.hostKeyFingerprint());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).containsPattern("a-first\\s+converted").containsPattern("b-locked\\s+failed");
        // the first clone, reported converted, really works over SSH: its key is still on the project
        assertThat(client.projectDeployKeys("seam/app")).hasSize(1);
        assertThat(pushesOverSsh(first)).as("a-first pushes over SSH").isTrue();
        assertThat(Files.readAllBytes(second.resolve(".git/config"))).isEqualTo(secondBefore);
        // the second clone still uses the token: it is not revoked; dkm's own login is untouched
        assertThat(run.out()).contains("still used by");
        assertThat(tokenWorks(token)).isTrue();
        assertThat(loginTokenWorks()).isTrue();
    }

    @Test
    void the_api_token_dkm_signs_in_with_is_never_revoked_even_when_no_repository_uses_it_any_more() throws Exception {
        Path repo = clone("seam/solo", ws.resolve("solo"), server.maintainerToken());

        Run run = dkm("convert", ws.toString(), "--yes", "--revoke-unused-tokens", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("is the API token dkm signs in to").contains("not revoked");
        assertThat(loginTokenWorks()).isTrue();
        assertThat(pushesOverSsh(repo)).isTrue();
        assertThat(dkm("runs").exit()).isZero(); // and dkm can still reach GitLab
        assertThat(dkm("undo", RunJournal.list(login.dirs().dataDir().resolve("runs")).get(0)).exit()).isZero();
    }

    @Test
    void a_token_still_used_under_a_remembered_workspace_root_is_not_revoked_and_the_report_says_where() throws Exception {
        String token = urlToken();
        clone("seam/one", ws.resolve("one"), token);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        clone("seam/two", elsewhere.resolve("two"), token);
        SettingsStore store = new SettingsStore(login.dirs().settingsFile());
        store.save(store.load().withWorkspaceRoots(List.of(elsewhere)));

        Run run = dkm("convert", ws.toString(), "--yes", "--revoke-unused-tokens", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("still used by").contains("two").contains("not revoked");
        assertThat(tokenWorks(token)).isTrue();
    }

    @Test
    void a_repository_another_process_holds_is_reported_busy_and_left_alone_while_the_others_convert() throws Exception {
        String token = urlToken();
        Path held = clone("seam/held", ws.resolve("held"), token);
        clone("seam/free", ws.resolve("free"), token);
        byte[] heldBefore = Files.readAllBytes(held.resolve(".git/config"));
        Path runs = login.dirs().dataDir().resolve("runs");

        Process child;
        Path log = tmp.resolve("child.log");
        // This JVM plays a run in progress on "held"; the child is another process.
        try (RunLocks locks = RunLocks.open(runs, "20261127-000000-beef")) {
            assertThat(locks.tryLock(List.of(RunLocks.config(held.resolve(".git/config"))))).isNull();
            child = dkmProcess(log, "convert", ws.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        }
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(1);
        assertThat(out).containsPattern("free\\s+converted")
                .containsPattern("held\\s+failed\\s+busy: another dkm run \\(20261127-000000-beef, pid " + ProcessHandle.current().pid() + "\\)");
        assertThat(Files.readAllBytes(held.resolve(".git/config"))).isEqualTo(heldBefore);
        assertThat(client.projectDeployKeys("seam/held")).isEmpty();
    }

    @Test
    void two_dkm_processes_converting_one_workspace_at_once_never_leave_a_converted_repository_without_its_key() throws Exception {
        String token = urlToken();
        List<Path> repos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repos.add(clone("seam/p" + i, ws.resolve("p" + i), token));
        }
        repos.add(clone("seam/p0", ws.resolve("p0-second-clone"), token));

        Process a = dkmProcess(tmp.resolve("a.log"), "convert", ws.toString(), "--yes", "--jobs", "2",
                "--accept-host-key", server.hostKeyFingerprint());
        Process b = dkmProcess(tmp.resolve("b.log"), "convert", ws.toString(), "--yes", "--jobs", "2",
                "--accept-host-key", server.hostKeyFingerprint());
        assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String logs = Files.readString(tmp.resolve("a.log")) + "\n----\n" + Files.readString(tmp.resolve("b.log"));

        for (Path repo : repos) {
            String config = Files.readString(repo.resolve(".git/config"));
            if (config.contains("sshCommand")) {
                assertThat(git.git(repo, "ls-remote", "origin").exitCode()).as(repo + " is wired: it must reach GitLab\n" + logs).isZero();
            } else {
                assertThat(config.contains(token)).as(repo + " untouched keeps its URL").isTrue();
            }
        }
        // a repository left unconverted was reported busy (never silently skipped): running again converts it
        for (Path repo : repos) {
            if (!Files.readString(repo.resolve(".git/config")).contains("sshCommand")) {
                assertThat(logs).containsPattern(java.util.regex.Pattern.quote(repo.getFileName().toString()) + "\\s+failed\\s+busy: another dkm run");
            }
        }
        Run again = dkm("convert", ws.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(again.exit()).as(again.all()).isZero();
        for (Path repo : repos) {
            assertThat(git.git(repo, "ls-remote", "origin").exitCode()).as(repo + "\n" + again.all()).isZero();
        }
    }

    @Test
    void undoing_a_run_keeps_the_key_a_repository_converted_by_a_later_run_depends_on() throws Exception {
        String token = urlToken();
        Path first = clone("seam/shared", ws.resolve("first"), token);
        Run one = dkm("convert", ws.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(one.exit()).as(one.all()).isZero();
        String firstRun = RunJournal.list(login.dirs().dataDir().resolve("runs")).get(0);

        Path laterWs = Files.createDirectories(tmp.resolve("later"));
        Path second = clone("seam/shared", laterWs.resolve("second"), token);
        Run two = dkm("convert", laterWs.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(two.exit()).as(two.all()).isZero();
        List<DeployKey> keys = client.projectDeployKeys("seam/shared");
        assertThat(keys).hasSize(1); // the second clone reused the first one's key

        Run undo = dkm("undo", firstRun);
        assertThat(undo.exit()).as(undo.all()).isZero();
        assertThat(undo.out()).contains("kept").contains("still used by").contains("second");
        assertThat(Files.readString(first.resolve(".git/config"))).doesNotContain("sshCommand");
        assertThat(client.projectDeployKeys("seam/shared")).hasSize(1);
        assertThat(pushesOverSsh(second)).isTrue();
    }

    /** Every file under dkm's folders, raw and with base64 runs decoded, does not hold {@code secret}. */
    static boolean anyCopyUnder(Path dir, String secret) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (text.contains(secret) || text.contains(java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
                    return true;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9+/=]{16,}").matcher(text);
                while (m.find()) {
                    try {
                        String decoded = new String(java.util.Base64.getDecoder().decode(m.group()), StandardCharsets.ISO_8859_1);
                        if (decoded.contains(secret)) {
                            return true;
                        }
                    } catch (IllegalArgumentException notBase64) {
                        // not base64
                    }
                }
            }
        }
        return false;
    }
}
