package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one instance rule ({@code --host} › {@code GITLAB_HOST} › the remote's instance › the only configured one › an
 * error listing them) through real subcommands, in-process against the sandbox with the real git and OpenSSH.
 * Regressions of issue 13: {@code GITLAB_HOST=URL GITLAB_TOKEN=… dkm setup REPO} answered "no GitLab instance with a
 * token is configured for HOST" with a hint without scheme and port; {@code dkm keys P} with exactly one logged-in
 * instance answered "no token for https://gitlab.com".
 */
class InstanceRuleCommandsTest {
    @TempDir Path tmp;
    SandboxServer server;
    IsolatedGit git;
    Map<String, String> env;
    AppDirs dirs;
    FileTokenStore tokens;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        git = new IsolatedGit(tmp);
        env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        dirs = AppDirs.of(env, tmp.toString());
        tokens = new FileTokenStore(dirs.credentialsFile(), "test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = DkmCli.commandLine(context).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path tokenClone(String project, String dir) throws Exception {
        Path repo = tmp.resolve("ws").resolve(dir);
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git").assertOk();
        return repo;
    }

    private void login() {
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
    }

    private static boolean anyFileContains(Path dir, String secret) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void gitlab_host_and_token_set_up_a_repository_with_nothing_configured_and_nothing_stored() throws Exception {
        Path repo = tokenClone("acme/website", "website");
        env.put("GITLAB_HOST", server.url());
        env.put("GITLAB_TOKEN", server.ownerToken());

        Run done = dkm("setup", repo.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(JsonParser.parseString(done.out()).getAsJsonObject().getAsJsonObject("plan").get("instance").getAsString())
                .isEqualTo(server.url());
        Files.writeString(repo.resolve("headless.txt"), "pushed with the new key\n");
        git.git(repo, "add", "headless.txt").assertOk();
        git.git(repo, "commit", "-q", "-m", "headless").assertOk();
        git.git(repo, "push", "-q", "origin", "HEAD:main").assertOk();
        assertThat(Files.exists(dirs.credentialsFile())).as("nothing logged in").isFalse();
        assertThat(Files.exists(dirs.settingsFile())).as("no instance written to the settings").isFalse();
        assertThat(anyFileContains(tmp.resolve("config"), server.ownerToken())).isFalse();
        assertThat(anyFileContains(tmp.resolve("data"), server.ownerToken())).isFalse();
        assertThat(anyFileContains(tmp.resolve("ssh"), server.ownerToken())).isFalse();
        assertThat(done.out() + done.err()).doesNotContain(server.ownerToken());
    }

    @Test
    void gitlab_host_and_token_convert_every_repository_whose_remote_points_at_that_instance() throws Exception {
        tokenClone("acme/website", "a/website");
        tokenClone("acme/platform/infra", "b/infra");
        env.put("GITLAB_HOST", server.url());
        env.put("GITLAB_TOKEN", server.ownerToken());

        Run run = dkm("convert", tmp.resolve("ws").toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        var counts = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("counts");
        assertThat(counts.get("converted").getAsInt()).isEqualTo(2);
        assertThat(counts.get("failed").getAsInt()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(server.ownerToken());
        assertThat(Files.exists(dirs.credentialsFile())).isFalse();
    }

    @Test
    void without_an_instance_the_hint_names_the_remotes_real_scheme_host_and_port() throws Exception {
        Path repo = tokenClone("acme/website", "website");

        Run run = dkm("setup", repo.toString(), "--dry-run");

        assertThat(run.exit()).isEqualTo(1);
        // server.url() is http://127.0.0.1:PORT: the old hint said "dkm login --host https://127.0.0.1".
        assertThat(run.err()).contains("dkm login --host " + server.url() + ",")
                .contains("GITLAB_HOST=" + server.url())
                .doesNotContain(server.maintainerToken());
    }

    @Test
    void a_configured_instance_without_a_token_is_named_with_where_to_get_one() throws Exception {
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        Path repo = tokenClone("acme/website", "website");

        Run run = dkm("setup", repo.toString(), "--dry-run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no token for " + server.url()).contains("dkm login --host " + server.url());
    }

    @Test
    void after_one_login_keys_tokens_and_deploy_token_create_work_without_host() {
        login();

        Run run = dkm("keys", "acme/website");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ID ");
        assertThat(run.err()).doesNotContain("gitlab.com");

        // the token commands follow the same rule: no --host, no ROOT (the window's roots)
        Run tokensRun = dkm("tokens", "--json");
        assertThat(tokensRun.exit()).as(tokensRun.err()).isZero();
        assertThat(tokensRun.err()).doesNotContain("gitlab.com");
        Run created = dkm("deploy-token", "create", "--project", "acme/website", "--name", "no-host-needed");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).doesNotContain("gitlab.com");
    }

    @Test
    void with_two_configured_instances_and_no_host_the_error_lists_them_and_host_chooses() {
        login();
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url()))
                .withInstance(InstanceSettings.of("https://gitlab.example.com")));

        Run ambiguous = dkm("keys", "acme/website");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).contains(server.url()).contains("https://gitlab.example.com").contains("--host");

        Run chosen = dkm("keys", "acme/website", "--host", server.url());
        assertThat(chosen.exit()).as(chosen.err()).isZero();

        env.put("GITLAB_HOST", server.url());
        assertThat(dkm("keys", "acme/website").exit()).isZero();
    }

    @Test
    void gitlab_token_is_only_sent_to_the_instance_gitlab_host_names() {
        login();
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of("https://gitlab.example.com")));
        env.put("GITLAB_TOKEN", server.ownerToken());

        // The only configured instance is gitlab.example.com: GITLAB_TOKEN (which belongs to GitLab.com without
        // GITLAB_HOST) is not handed to it, and the sentence says how to pair them.
        Run run = dkm("keys", "acme/website");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no token for https://gitlab.example.com").contains("GITLAB_HOST=https://gitlab.example.com")
                .doesNotContain(server.ownerToken());
    }

    @Test
    void ssh_remotes_and_token_remotes_on_two_sandboxes_of_one_host_go_to_their_own_port() throws Exception {
        try (SandboxServer other = Sandbox.builder().dataDir(tmp.resolve("gitlab2")).start()) {
            new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(other.url()))
                    .withInstance(InstanceSettings.of(server.url())));
            tokens.store(server.url(), Secret.of(server.maintainerToken()));
            tokens.store(other.url(), Secret.of(other.maintainerToken()));
            Path repo = tokenClone("acme/website", "website");

            Run run = dkm("setup", repo.toString(), "--dry-run", "--json");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("plan").get("instance").getAsString())
                    .isEqualTo(server.url());
        }
    }
}
