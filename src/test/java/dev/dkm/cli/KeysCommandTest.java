package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.settings.AppDirs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dkm keys PROJECT | enable | update | remove} in-process against the sandbox's demo world. */
class KeysCommandTest {
    private static final String PAYMENTS = "shop/backend/payments";
    private static final String ORDERS = "shop/backend/orders";

    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient owner;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).demo(true).start();
        owner = GitLabClient.connect(server.url(), Secret.of(server.ownerToken()));
    }

    @AfterEach
    void stop() {
        owner.close();
        server.close();
    }

    private int run(String... args) {
        Map<String, String> env = Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", server.maintainerToken(),
                "DKM_CONFIG_DIR", tmp.resolve("config").toString(), "DKM_DATA_DIR", tmp.resolve("data").toString());
        AppDirs dirs = AppDirs.of(env, tmp.resolve("home").toString());
        FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        return DkmCli.commandLine(context).execute(args);
    }

    private DeployKey key(String project, String title) {
        return owner.projectDeployKeys(project).stream().filter(k -> k.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void keys_lists_a_projects_deploy_keys() {
        assertThat(run("keys", PAYMENTS)).as(err.toString()).isEqualTo(0);
        DeployKey release = key(PAYMENTS, "Release bot");
        assertThat(out.toString()).contains("ID").contains("ACCESS")
                .containsPattern(release.id() + "\\s+read-write\\s+\\d{4}-\\d\\d-\\d\\d\\s+" + release.fingerprintSha256().replace("+", "\\+")
                        + "\\s+Release bot");
    }

    @Test
    void update_makes_a_key_read_only_then_read_write_on_the_server() {
        long id = key(PAYMENTS, "Release bot").id();

        assertThat(run("keys", "update", String.valueOf(id), PAYMENTS, "--read-only")).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains(PAYMENTS + ": Deploy key #" + id + " \"Release bot\" is now read-only on " + PAYMENTS + ".");
        assertThat(owner.projectDeployKey(PAYMENTS, id).canPush()).isFalse();

        assertThat(run("keys", "update", String.valueOf(id), PAYMENTS, "--read-write")).isEqualTo(0);
        assertThat(owner.projectDeployKey(PAYMENTS, id).canPush()).isTrue();
    }

    @Test
    void update_needs_exactly_one_access_option() {
        long id = key(PAYMENTS, "Release bot").id();
        assertThat(run("keys", "update", String.valueOf(id), PAYMENTS)).isEqualTo(2);
        assertThat(err.toString()).contains("--read-only").contains("--read-write");
        assertThat(run("keys", "update", String.valueOf(id), PAYMENTS, "--read-only", "--read-write")).isEqualTo(2);
        assertThat(owner.projectDeployKey(PAYMENTS, id).canPush()).isTrue();
    }

    @Test
    void remove_takes_the_key_off_the_project_and_says_what_that_means() {
        long id = key(ORDERS, "CI read-only").id();

        assertThat(run("keys", "remove", String.valueOf(id), ORDERS)).as(err.toString()).isEqualTo(0);

        assertThat(out.toString()).contains(ORDERS + ": deploy key #" + id + " removed")
                .contains("can no longer push to or fetch from " + ORDERS);
        assertThat(owner.projectDeployKeys(ORDERS)).extracting(DeployKey::id).doesNotContain(id);
    }

    @Test
    void remove_of_an_unknown_key_fails_with_gitlabs_sentence() {
        assertThat(run("keys", "remove", "99999", ORDERS)).isEqualTo(1);
        assertThat(out.toString()).contains(ORDERS + ": GitLab answered 404 for " + ORDERS);
    }

    @Test
    void enable_puts_another_projects_key_on_many_projects() {
        long id = key(PAYMENTS, "Release bot").id();

        assertThat(run("keys", "enable", String.valueOf(id), ORDERS, "shop/docs", "--read-write")).as(err.toString()).isEqualTo(0);

        assertThat(out.toString()).contains(ORDERS + ": deploy key #" + id + " enabled, read-write");
        assertThat(owner.projectDeployKey(ORDERS, id).canPush()).isTrue();
        assertThat(owner.projectDeployKey("shop/docs", id).canPush()).isTrue();
    }
}
