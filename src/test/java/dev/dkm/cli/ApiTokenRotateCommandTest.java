package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.credentials.TokenStorageException;
import dev.dkm.credentials.TokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 11, defect 8: {@code dkm api-token rotate} after {@code dkm login} keeps you logged in. Against the sandbox
 * GitLab, whose rotate follows GitLab's PersonalAccessTokens::RotateService (app/services/personal_access_tokens/
 * rotate_service.rb: the old token is revoked and the new one created in one transaction) behind
 * lib/api/personal_access_tokens/self_rotation.rb.
 */
class ApiTokenRotateCommandTest {
    @TempDir Path dir;
    SandboxServer server;
    AppDirs dirs;
    TokenStore tokens;
    final Map<String, String> env = new HashMap<>();
    final StringBuilder everything = new StringBuilder();

    @BeforeEach
    void start() {
        server = Sandbox.builder().dataDir(dir.resolve("gitlab")).start();
        server.world().createGroup("rot", "Rot", "private");
        server.world().addGroupMember("rot", "maria", 40);
        server.world().createProject("rot/app", "App", "private");
        dirs = AppDirs.of(Map.of("DKM_CONFIG_DIR", dir.resolve("config").toString()), dir.toString());
        tokens = new FileTokenStore(dirs.credentialsFile(), "no keyring available");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int code, String out, String err) {}

    private Run dkm(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.copyOf(env);
        CliContext context = new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment::get, dirs,
                () -> tokens, ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine cli = DkmCli.commandLine(context);
        int code = cli.execute(args);
        Run run = new Run(code, out.toString(), err.toString());
        everything.append(run.out).append(run.err);
        return run;
    }

    private String patFor(String name) {
        return server.world().createPersonalAccessToken("maria", name, List.of("api"), LocalDate.now(ZoneOffset.UTC).plusDays(20));
    }

    private boolean answers(Secret token) {
        try (GitLabClient c = GitLabClient.connect(server.url(), token)) {
            c.personalAccessTokenSelf();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void after_login_rotate_stores_the_new_token_and_the_next_command_reaches_gitlab() {
        String old = patFor("dkm");
        assertThat(dkm(old + "\n", "login", "--host", server.url(), "--token-stdin").code()).isZero();

        Run rotate = dkm("", "api-token", "rotate", "--host", server.url());

        assertThat(rotate.code()).as(rotate.toString()).isZero();
        Secret stored = tokens.read(server.url()).orElseThrow();
        assertThat(stored.reveal()).isNotEqualTo(old);
        assertThat(answers(stored)).isTrue();
        assertThat(answers(Secret.of(old))).as("GitLab revoked the old one").isFalse();
        assertThat(everything.toString()).as("a stored token is never printed").doesNotContain(stored.reveal())
                .contains("stored in file " + dirs.credentialsFile());
        Run next = dkm("", "keys", "rot/app", "--host", server.url());
        assertThat(next.code()).as(next.toString()).isZero();
    }

    @Test
    void a_token_from_gitlab_token_is_printed_once_and_nothing_is_stored() {
        String old = patFor("env");
        env.put("GITLAB_TOKEN", old); // with GITLAB_HOST naming its instance: the one rule (as glab)
        env.put("GITLAB_HOST", server.url());
        Run rotate = dkm("", "api-token", "rotate");
        assertThat(rotate.code()).as(rotate.err()).isZero();
        String line = rotate.out().lines().filter(l -> l.startsWith("token: ")).findFirst().orElseThrow();
        Secret fresh = Secret.of(line.substring("token: ".length()));
        assertThat(answers(fresh)).isTrue();
        assertThat(rotate.out().split(Pattern.quote(fresh.reveal()), -1)).as("printed once").hasSize(2);
        assertThat(rotate.err()).contains("set GITLAB_TOKEN");
        assertThat(tokens.read(server.url())).isEmpty();
    }

    @Test
    void a_store_that_cannot_take_the_token_stops_before_gitlab_revokes_anything() {
        String old = patFor("dkm");
        assertThat(dkm(old + "\n", "login", "--host", server.url(), "--token-stdin").code()).isZero();
        TokenStore file = tokens;
        TokenStore readOnly = new TokenStore() {
            public Optional<Secret> read(String url) {
                return file.read(url);
            }

            public void store(String url, Secret token) {
                throw new TokenStorageException("the keyring is locked", null);
            }

            public boolean delete(String url) {
                return false;
            }

            public String storageDescription() {
                return "a locked keyring";
            }

            public boolean isKeyring() {
                return true;
            }
        };
        tokens = readOnly;
        Run rotate = dkm("", "api-token", "rotate", "--host", server.url());
        assertThat(rotate.code()).isEqualTo(1);
        assertThat(rotate.err()).contains("the keyring is locked").contains("nothing rotated");
        assertThat(answers(Secret.of(old))).as("still logged in").isTrue();
    }
}
