package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.ThrowawayAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when", for real: a throwaway Unix account ({@code useradd}, prefix {@code dkmt13}) with an empty
 * home runs the real {@code dkm} launcher with only {@code GITLAB_HOST} and {@code GITLAB_TOKEN} (no dkm login, no
 * settings): {@code dkm setup REPO --yes} and {@code dkm convert ROOT --yes} convert repositories whose remotes point at
 * the sandbox, {@code git push} over SSH works with the wired key (OpenSSH reads that account's own ~/.ssh), and
 * afterwards no file under the home holds the API token. Runs as root, as CI does; the account is removed afterwards.
 */
class HeadlessThrowawayUserTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static ThrowawayAccount account;
    static String user;
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        account = ThrowawayAccount.create("dkmt13u", tmp);
        user = account.user();
        home = account.home();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (account != null) {
            account.close();
        }
    }

    static ThrowawayAccount.Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return ThrowawayAccount.run(tmp, command, env);
    }

    static ThrowawayAccount.Result as(Map<String, String> env, String... command) throws IOException, InterruptedException {
        return account.as(env, command);
    }

    static ThrowawayAccount.Result dkm(String... args) throws IOException, InterruptedException {
        // Only the environment variables: no dkm login, no settings, the token never on a command line.
        return account.dkm(Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", server.ownerToken()), args);
    }

    /** A clone in the account's home whose origin is an http remote with a token, as people have them. */
    static Path tokenClone(String project, String dir) throws Exception {
        Path repo = home.resolve(dir);
        Files.createDirectories(repo.getParent());
        Map<String, String> gitEnv = Map.of("HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1");
        run(List.of("git", "clone", "-q", server.repoDir(project).toString(), repo.toString()), gitEnv).assertOk();
        String url = server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git";
        run(List.of("git", "-C", repo.toString(), "remote", "set-url", "origin", url), gitEnv).assertOk();
        run(List.of("chown", "-R", user + ":" + user, home.toString()), Map.of()).assertOk();
        return repo;
    }

    static void commitAndPush(Path repo, String file) throws Exception {
        Map<String, String> env = Map.of("GIT_CONFIG_NOSYSTEM", "1");
        Files.writeString(repo.resolve(file), "pushed by " + user + "\n");
        run(List.of("chown", user + ":" + user, repo.resolve(file).toString()), Map.of()).assertOk();
        as(env, "git", "-C", repo.toString(), "add", file).assertOk();
        as(env, "git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", file).assertOk();
        as(env, "git", "-C", repo.toString(), "push", "-q", "origin", "HEAD:main").assertOk();
    }

    static List<Path> filesHolding(Path dir, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void gitlab_host_and_token_alone_set_up_and_convert_and_leave_no_token_in_the_home() throws Exception {
        Path single = tokenClone("acme/website", "single/website");
        tokenClone("acme/platform/infra", "fleet/infra");
        Path handbook = tokenClone("acme/handbook", "fleet/handbook");

        ThrowawayAccount.Result setup = dkm("setup", single.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        setup.assertOk();
        assertThat(JsonParser.parseString(setup.out()).getAsJsonObject().get("success").getAsBoolean()).isTrue();
        commitAndPush(single, "setup.txt");

        ThrowawayAccount.Result convert = dkm("convert", home.resolve("fleet").toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        convert.assertOk();
        JsonObject counts = JsonParser.parseString(convert.out()).getAsJsonObject().getAsJsonObject("counts");
        assertThat(counts.get("converted").getAsInt()).isEqualTo(2);
        commitAndPush(handbook, "convert.txt");

        assertThat(Files.exists(home.resolve(".ssh/dkm"))).as("keys in the account's own ~/.ssh/dkm").isTrue();
        assertThat(Files.exists(home.resolve(".config/dkm/credentials.json"))).isFalse();
        assertThat(filesHolding(home, server.ownerToken())).as("files under the home holding GITLAB_TOKEN").isEmpty();
        assertThat(setup.out() + setup.err() + convert.out() + convert.err()).doesNotContain(server.ownerToken());
        Map<String, String> none = new HashMap<>();
        assertThat(as(none, "git", "-C", handbook.toString(), "remote", "get-url", "origin").out()).startsWith("ssh://");
    }
}
