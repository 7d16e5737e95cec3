package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabClientConfig;
import dev.dkm.gitlab.RetryPolicy;
import dev.dkm.registry.RegistryAuthFile;
import dev.dkm.registry.RegistryCredential;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.tokens.StepReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation against the sandbox: the happy path, and a failure in each step leaving the old token working. */
class DeployTokenRotationTest {
    private static final String PROJECT = "acme/website";
    private static final String OTHER_ENTRY = "{\"auth\":\"b3RoZXI6c2VjcmV0\"}";

    @TempDir
    static Path sandboxDir;
    static SandboxServer server;
    static GitLabClient client;

    @TempDir
    Path tmp;
    Path config;
    String registry;
    String oldSecret;
    String oldUser;
    long oldId;
    final List<StepReport> live = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = Sandbox.builder().dataDir(sandboxDir).start();
        // No retries: a step that fails should fail at once, not after backoff.
        client = GitLabClient.create(GitLabClientConfig.builder(server.url(), Secret.of(server.maintainerToken()))
                .retry(RetryPolicy.none()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void oldTokenAndItsDockerLogin() throws Exception {
        oldSecret = server.world().createDeployToken(PROJECT, null, "registry-pull", List.of("read_registry"),
                Instant.now().plus(10, ChronoUnit.DAYS));
        oldUser = server.world().deployTokenUsername(oldSecret);
        oldId = client.deployTokens(Scope.PROJECT, PROJECT, null).stream()
                .filter(t -> t.username().equals(oldUser)).findFirst().orElseThrow().id();
        registry = server.url().substring("http://".length());
        config = tmp.resolve("docker/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"auths\":{\"other.example.com\":" + OTHER_ENTRY + "}}");
        new RegistryAuthFile(config, null).login(new RegistryCredential(registry, oldUser, Secret.of(oldSecret)));
    }

    @AfterEach
    void clearFaults() {
        server.failRequestsMatching(null);
        client.deployTokens(Scope.PROJECT, PROJECT, null).forEach(t -> client.deleteDeployToken(Scope.PROJECT, PROJECT, t.id()));
    }

    private RotationResult rotate(RegistryTarget target, boolean forceLogin) {
        DeployTokenRotation rotation = new DeployTokenRotation(client, live::add);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return rotation.rotate(Scope.PROJECT, PROJECT, oldId,
                new DeployTokenRotation.Options(today.plusDays(90), target, forceLogin, null), today);
    }

    private RegistryTarget docker() {
        return new RegistryTarget(registry, config, "docker", "/usr/bin:/bin");
    }

    private List<String> steps(RotationResult r) {
        return r.steps().stream().map(s -> s.step() + " " + s.status()).toList();
    }

    private void assertRolledBack(RotationResult r) throws Exception {
        server.failRequestsMatching(null);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.newToken()).isNull();
        assertThat(client.registryAccepts(PROJECT, oldUser, Secret.of(oldSecret))).as("old token still works").isTrue();
        List<DeployToken> left = client.deployTokens(Scope.PROJECT, PROJECT, null);
        assertThat(left).as("no new token left behind").extracting(DeployToken::id).containsExactly(oldId);
        assertThat(new RegistryAuthFile(config, null).storedInFile(registry)).get()
                .extracting(RegistryCredential::username).isEqualTo(oldUser);
        assertThat(new RegistryAuthFile(config, null).storedInFile(registry).get().secret().reveal()).isEqualTo(oldSecret);
        JsonObject auths = JsonParser.parseString(Files.readString(config)).getAsJsonObject().getAsJsonObject("auths");
        assertThat(auths.get("other.example.com").toString()).isEqualTo(OTHER_ENTRY);
        assertThat(r.toString() + live).doesNotContain(oldSecret.substring(5, oldSecret.length() - 4));
    }

    @Test
    void happy_path_moves_the_login_to_a_new_token_and_revokes_the_old_one() throws Exception {
        RotationResult r = rotate(docker(), false);

        assertThat(r.succeeded()).isTrue();
        assertThat(steps(r)).containsExactly("CREATE DONE", "LOG_IN DONE", "VERIFY DONE", "REVOKE_OLD DONE");
        assertThat(live).isEqualTo(r.steps());
        CreatedDeployToken created = r.newToken();
        assertThat(created.name()).isEqualTo("registry-pull");
        assertThat(created.scopes()).containsExactly("read_registry");
        assertThat(created.expiresOn()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        assertThat(client.registryAccepts(PROJECT, created.username(), created.token())).isTrue();
        assertThat(client.registryAccepts(PROJECT, oldUser, Secret.of(oldSecret))).isFalse();
        assertThat(client.deployTokens(Scope.PROJECT, PROJECT, null)).extracting(DeployToken::id).containsExactly(created.id());
        RegistryCredential stored = new RegistryAuthFile(config, null).storedInFile(registry).orElseThrow();
        assertThat(stored.username()).isEqualTo(created.username());
        assertThat(stored.secret()).isEqualTo(created.token());
        assertThat(r.steps().toString()).doesNotContain(created.token().reveal());
    }

    @Test
    void a_login_elsewhere_is_left_alone() throws Exception {
        RegistryTarget unrelated = new RegistryTarget(registry, tmp.resolve("podman/auth.json"), "podman", null);
        RotationResult r = rotate(unrelated, false);

        assertThat(steps(r)).containsExactly("CREATE DONE", "LOG_IN SKIPPED", "VERIFY DONE", "REVOKE_OLD DONE");
        assertThat(Files.exists(unrelated.file())).isFalse();
    }

    @Test
    void failure_to_create_changes_nothing() throws Exception {
        server.failRequestsMatching(line -> line.startsWith("POST ") && line.endsWith("/deploy_tokens"));
        RotationResult r = rotate(docker(), false);

        assertThat(steps(r)).containsExactly("CREATE FAILED");
        assertRolledBack(r);
    }

    @Test
    void failure_to_log_in_deletes_the_new_token() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-broken");
        Files.writeString(helper, "#!/bin/sh\ncat >/dev/null\necho 'keychain locked'\nexit 1\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        String before = Files.readString(config);
        Files.writeString(config, before.replaceFirst("\\{", "{\"credHelpers\":{\"" + registry + "\":\"broken\"},"));
        String withHelper = Files.readString(config);

        RotationResult r = rotate(new RegistryTarget(registry, config, "docker", bin + ":/usr/bin:/bin"), true);

        assertThat(steps(r)).containsExactly("CREATE DONE", "LOG_IN FAILED", "CREATE UNDONE");
        assertThat(r.steps().get(1).detail()).contains("keychain locked");
        assertThat(Files.readString(config)).isEqualTo(withHelper);
        Files.writeString(config, before);
        assertRolledBack(r);
    }

    @Test
    void failure_to_verify_restores_the_login_and_deletes_the_new_token() throws Exception {
        server.failRequestsMatching(line -> line.startsWith("GET /jwt/auth"));
        RotationResult r = rotate(docker(), false);

        assertThat(steps(r)).containsExactly("CREATE DONE", "LOG_IN DONE", "VERIFY FAILED", "LOG_IN UNDONE", "CREATE UNDONE");
        assertRolledBack(r);
    }

    @Test
    void failure_to_revoke_the_old_token_rolls_everything_back() throws Exception {
        server.failRequestsMatching(line -> line.startsWith("DELETE ") && line.endsWith("/deploy_tokens/" + oldId));
        RotationResult r = rotate(docker(), false);

        assertThat(steps(r)).containsExactly("CREATE DONE", "LOG_IN DONE", "VERIFY DONE", "REVOKE_OLD FAILED",
                "LOG_IN UNDONE", "CREATE UNDONE");
        assertRolledBack(r);
    }
}
