package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.registry.RegistryAuthFile;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dkm deploy-token create|revoke|rotate} and {@code dkm docker-login} in-process against the sandbox. */
class DeployTokenCommandTest {
    private static final String PROJECT = "acme/website";

    @TempDir
    static Path sandboxDir;
    static SandboxServer server;
    static GitLabClient client;

    @TempDir
    Path tmp;
    Path dockerDir;
    Path helperLog;
    String registry;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        server = Sandbox.builder().dataDir(sandboxDir).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void fakeCredentialHelper() throws Exception {
        registry = server.url().substring("http://".length());
        dockerDir = tmp.resolve("docker");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        helperLog = tmp.resolve("helper.log");
        Path helper = bin.resolve("docker-credential-test");
        // Records what it is given; knows no credential yet, as a fresh keychain would answer "get".
        Files.writeString(helper, "#!/bin/sh\ninput=$(cat)\necho \"$1 $input\" >> '" + helperLog + "'\n"
                + "[ \"$1\" = get ] && { echo 'credentials not found in native keychain'; exit 1; }\nexit 0\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private int run(String stdin, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", server.maintainerToken(),
                "DKM_CONFIG_DIR", tmp.resolve("config").toString(), "DOCKER_CONFIG", dockerDir.toString(),
                "PATH", tmp.resolve("bin") + ":/usr/bin:/bin"));
        CommandLine cli = DkmCli.commandLine(env, tmp.resolve("home"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private DeployToken onServer(String name) {
        return client.deployTokens(Scope.PROJECT, PROJECT, null).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void create_shows_the_token_once_and_logs_docker_in_through_the_credential_helper() throws Exception {
        Files.createDirectories(dockerDir);
        Files.writeString(dockerDir.resolve("config.json"), "{\"credsStore\":\"test\",\"auths\":{}}");

        int code = run("", "deploy-token", "create", "--project", PROJECT, "--name", "pull-images", "--docker-login",
                "--registry", registry, "--json");

        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonObject created = JsonParser.parseString(out.toString()).getAsJsonObject();
        String token = created.get("token").getAsString();
        String username = created.get("username").getAsString();
        assertThat(created.getAsJsonArray("scopes").toString()).isEqualTo("[\"read_registry\"]");
        assertThat(created.get("expiresAt").getAsString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        assertThat(out.toString().split(token, -1)).as("the token is printed exactly once").hasSize(2);
        assertThat(err.toString()).contains("GitLab will not show it again").doesNotContain(token)
                .contains("docker-credential-test").contains("--password-stdin");
        assertThat(Files.readString(helperLog)).contains("store ").contains(username).contains(registry);
        assertThat(Files.readString(dockerDir.resolve("config.json"))).doesNotContain(token);
        assertThat(client.registryAccepts(PROJECT, username, Secret.of(token))).isTrue();
        assertThat(onServer("pull-images").scopes()).containsExactly("read_registry");
    }

    @Test
    void never_expiring_tokens_are_allowed_with_a_warning() {
        assertThat(run("", "deploy-token", "create", "--project", PROJECT, "--name", "forever-pull", "--expires", "never",
                "--scopes", "read_registry,read_repository")).isEqualTo(0);
        assertThat(out.toString()).contains("expires never").contains("username: gitlab+deploy-token-");
        assertThat(err.toString()).contains("never expires");
        assertThat(onServer("forever-pull").expiresAt()).isNull();
    }

    @Test
    void a_project_gitlab_will_not_show_says_so_in_terms_of_deploy_tokens() {
        assertThat(run("", "deploy-token", "create", "--project", "no/such-project", "--name", "x")).isEqualTo(1);
        assertThat(err.toString().strip()).endsWith(
                "GitLab answered 404 for no/such-project: it does not exist, or this token cannot see it (404 Project Not Found).");
    }

    @Test
    void a_bad_request_is_refused_before_anything_is_sent() {
        server.resetRequestCounts();
        assertThat(run("", "deploy-token", "create", "--project", PROJECT, "--name", "x", "--scopes", "api")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scope(s) [api]");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void docker_login_reads_the_token_from_stdin_and_writes_the_auths_entry() throws Exception {
        String token = "gldt-StdinStdinStdinStdin1234";
        int code = run(token + "\n", "docker-login", "--project", PROJECT, "--username", "puller", "--token-stdin",
                "--registry", "registry.example.com");

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(new RegistryAuthFile(dockerDir.resolve("config.json"), null).storedInFile("registry.example.com"))
                .get().satisfies(c -> {
                    assertThat(c.username()).isEqualTo("puller");
                    assertThat(c.secret().reveal()).isEqualTo(token);
                });
        assertThat(out.toString()).contains(dockerDir.resolve("config.json").toString())
                .contains("docker login registry.example.com -u puller --password-stdin").contains("gldt-…1234")
                .doesNotContain("StdinStdin");
    }

    @Test
    void docker_login_for_podman_writes_its_auth_json_under_xdg_runtime_dir() throws Exception {
        Path runtime = Files.createDirectories(tmp.resolve("run"));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "PATH", "/usr/bin:/bin",
                "DKM_CONFIG_DIR", tmp.resolve("config").toString());
        CommandLine cli = DkmCli.commandLine(env, tmp.resolve("home"), new ByteArrayInputStream("gldt-PodmanPodmanPodman9876".getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("docker-login", "--username", "puller", "--token-stdin", "--registry", "registry.example.com", "--podman"))
                .as(err.toString()).isEqualTo(0);
        Path auth = runtime.resolve("containers/auth.json");
        assertThat(new RegistryAuthFile(auth, null).storedInFile("registry.example.com")).isPresent();
        assertThat(out.toString()).contains("podman login registry.example.com").doesNotContain("PodmanPodman");
        assertThat(Files.exists(dockerDir)).isFalse();
    }

    @Test
    void revoke_and_rotate() {
        String secret = server.world().createDeployToken(PROJECT, null, "to-rotate", List.of("read_registry"), null);
        long id = onServer("to-rotate").id();

        assertThat(run("", "deploy-token", "rotate", "--project", PROJECT, String.valueOf(id), "--registry", registry,
                "--docker-login", "--expires", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())).as(err.toString()).isEqualTo(0);
        assertThat(err.toString()).contains("Create the new token: done").contains("Revoke the old token: done")
                .doesNotContain(secret.substring(5, secret.length() - 4));
        DeployToken rotated = onServer("to-rotate");
        assertThat(rotated.id()).isNotEqualTo(id);
        assertThat(out.toString()).contains("username: " + rotated.username());

        out.getBuffer().setLength(0);
        assertThat(run("", "deploy-token", "revoke", "--project", PROJECT, String.valueOf(rotated.id()))).isEqualTo(0);
        assertThat(out.toString()).contains("Revoked deploy token " + rotated.id());
        assertThat(client.deployTokens(Scope.PROJECT, PROJECT, null)).noneMatch(t -> t.name().equals("to-rotate"));
    }
}
