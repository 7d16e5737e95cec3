package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.CliJsonDoc;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cli-json.md is a contract for scripts: this runs {@code dkm} as real processes (the exit code is the JVM's)
 * against the sandbox GitLab and checks the documented exit codes, and that the JSON each command prints has
 * exactly the fields the document's {@code <!-- json: NAME -->} tables list (every field documented; every field
 * documented as always present is there).
 *
 * <p>Endpoints behind the exit codes checked here, as read in GitLab's source ({@code gitlabhq/gitlabhq}):
 * {@code lib/api/deploy_tokens.rb} — POST presents {@code Entities::DeployTokenWithToken}
 * ({@code lib/api/entities/deploy_token_with_token.rb}: the entity plus {@code token}, the only answer that carries
 * it), DELETE runs the destroy service, whose {@code entity.deploy_tokens.find(token_id)}
 * ({@code app/services/concerns/deploy_token_methods.rb}) raises not-found, so a second revoke is a 404 → exit 1;
 * {@code lib/api/deploy_keys.rb} — {@code GET :id/deploy_keys} resolves {@code user_project} (404 for a project that
 * does not exist) behind {@code authorize_admin_project} (403 below Maintainer) → exit 1.
 */
class CliContractTest {
    @TempDir Path tmp;
    SandboxServer server;
    IsolatedGit git;
    Path home;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        git = new IsolatedGit(tmp);
        home = git.home();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void usage_errors_exit_2_and_help_exits_0() throws Exception {
        assertThat(dkm(headless(), "--no-such-option").exit()).isEqualTo(2);
        assertThat(dkm(headless(), "scan").exit()).as("missing ROOT").isEqualTo(2);
        assertThat(dkm(headless(), "logout").exit()).as("missing --host").isEqualTo(2);
        assertThat(dkm(headless(), "keys").exit()).as("missing PROJECT").isEqualTo(2);
        assertThat(dkm(headless(), "scan", tmp.resolve("missing").toString()).exit()).isEqualTo(2);
        assertThat(dkm(headless(), "convert", tmp.resolve("missing").toString(), "--yes").exit()).isEqualTo(2);
        assertThat(dkm(headless(), "setup", tmp.resolve("missing").toString()).exit()).isEqualTo(2);
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Run notRepo = dkm(headless(), "setup", plain.toString(), "--json");
        assertThat(notRepo.exit()).isEqualTo(2);
        assertThat(notRepo.out()).as("no JSON when no plan was made").isEmpty();
        assertThat(notRepo.err()).contains("not a git repository");
        assertThat(dkm(headless(), "tokens", plain.toString(), "--export", "xml", "--output", tmp.resolve("x").toString()).exit())
                .isEqualTo(2);
        assertThat(dkm(headless(), "undo", "20260101-000000-nosuchrun").exit()).isEqualTo(2);
        assertThat(dkm(headless(), "convert", plain.toString(), "--yes", "--resume", "20260101-000000-nosuchrun").exit()).isEqualTo(2);
        assertThat(dkm(headless(), "runs", "--prune", "--older-than", "soon").exit()).isEqualTo(2);
        assertThat(dkm(headless(), "runs").exit()).isZero();
        // Which GitLab? Nothing configured and no GITLAB_HOST, or GITLAB_HOST without any token: exit 2, one line.
        Run noInstance = dkm(base(), "keys", "acme/website");
        assertThat(noInstance.exit()).as(noInstance.err()).isEqualTo(2);
        assertThat(noInstance.err().strip().lines()).hasSize(1);
        Map<String, String> hostOnly = base();
        hostOnly.put("GITLAB_HOST", server.url());
        Run noToken = dkm(hostOnly, "deploy-token", "create", "--project", "acme/website", "--name", "x");
        assertThat(noToken.exit()).as(noToken.err()).isEqualTo(2);
        assertThat(noToken.err().strip().lines()).hasSize(1);
        assertThat(dkm(headless(), "--help").exit()).isZero();
        assertThat(dkm(headless(), "convert", "--help").exit()).isZero();
    }

    @Test
    void convert_json_has_the_documented_fields_and_exit_codes() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path website = tokenClone(ws, "acme/website", "website");
        tokenClone(ws, "acme/handbook", "handbook");
        byte[] before = Files.readAllBytes(website.resolve(".git/config"));

        Run noYes = dkm(headless(), "convert", ws.toString(), "--json");
        assertThat(noYes.exit()).as("no --yes without a terminal").isEqualTo(2);
        assertThat(Files.readAllBytes(website.resolve(".git/config"))).isEqualTo(before);

        Run dry = dkm(headless(), "convert", ws.toString(), "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.err()).isZero();
        JsonObject preview = JsonParser.parseString(dry.out()).getAsJsonObject();
        assertMatchesDoc("convert-preview", preview, Set.of("always"));
        assertThat(preview.get("dryRun").getAsBoolean()).isTrue();
        assertThat(preview.getAsJsonObject("counts").get("ready").getAsInt()).isEqualTo(2);
        for (JsonElement r : preview.getAsJsonArray("repositories")) {
            assertThat(r.getAsJsonObject().get("state").getAsString()).isEqualTo("ready");
            assertThat(r.getAsJsonObject().get("sshUrl").getAsString()).startsWith("ssh://");
        }
        assertThat(Files.readAllBytes(website.resolve(".git/config"))).isEqualTo(before);

        Run run = dkm(headless(), "convert", ws.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().contains(server.maintainerToken())).as("raw token in the JSON").isFalse();
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertMatchesDoc("convert", doc, Set.of("always"));
        assertThat(doc.getAsJsonObject("counts").get("converted").getAsInt()).isEqualTo(2);
        for (JsonElement r : doc.getAsJsonArray("repositories")) {
            assertThat(r.getAsJsonObject().get("outcome").getAsString()).isIn("converted", "skipped", "failed");
        }
        assertThat(doc.getAsJsonArray("tokensRemoved").get(0).getAsJsonObject().get("token").getAsString()).contains("…");

        Run undo = dkm(headless(), "undo", doc.get("runId").getAsString());
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(website.resolve(".git/config"))).isEqualTo(before);
    }

    /** Regression: with nothing ready, {@code convert --json} printed nothing on stdout, and its reasons nowhere at all. */
    @Test
    void convert_json_with_nothing_to_convert_still_prints_the_document_with_each_reason() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("elsewhere"));
        Path repo = tokenClone(ws, "acme/website", "website");
        // A remote on another GitLab than GITLAB_HOST names, and none configured for it.
        git.git(repo, "remote", "set-url", "origin", "https://oauth2:" + server.maintainerToken() + "@gitlab.invalid/acme/website.git").assertOk();

        Run run = dkm(headless(), "convert", ws.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertMatchesDoc("convert", doc, Set.of("always"));
        assertThat(doc.get("runId").isJsonNull()).isTrue();
        JsonObject only = doc.getAsJsonArray("repositories").get(0).getAsJsonObject();
        assertThat(only.get("outcome").getAsString()).isIn("skipped", "failed");
        assertThat(only.get("reason").getAsString()).contains("gitlab.invalid");
        assertThat(run.exit()).isEqualTo(only.get("outcome").getAsString().equals("failed") ? 1 : 0);
    }

    @Test
    void setup_json_plan_and_result_have_the_documented_fields() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path repo = tokenClone(ws, "acme/website", "website");

        Run dry = dkm(headless(), "setup", repo.toString(), "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertMatchesDoc("setup", JsonParser.parseString(dry.out()), Set.of("always"));

        Run done = dkm(headless(), "setup", repo.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(done.exit()).as(done.err()).isZero();
        JsonObject doc = JsonParser.parseString(done.out()).getAsJsonObject();
        assertMatchesDoc("setup", doc, Set.of("always", "after a run"));
        assertThat(doc.get("success").getAsBoolean()).isTrue();
        assertThat(doc.getAsJsonObject("plan").get("access").getAsString()).isIn("read-write", "read-only");
        for (JsonElement s : doc.getAsJsonArray("steps")) {
            assertThat(s.getAsJsonObject().get("step").getAsString()).isIn("generate", "register", "trust_host_key", "wire", "verify");
            assertThat(s.getAsJsonObject().get("status").getAsString()).isIn("done", "skipped", "failed", "rolled_back");
        }
    }

    @Test
    void deploy_token_tokens_keys_and_instances_exit_codes_and_json() throws Exception {
        Run created = dkm(headless(), "deploy-token", "create", "--project", "acme/website", "--name", "contract", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonObject token = JsonParser.parseString(created.out()).getAsJsonObject();
        assertMatchesDoc("deploy-token", token, Set.of("always", "project tokens"));
        assertThat(token.get("token").getAsString()).isNotBlank();
        long id = token.get("id").getAsLong();

        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Run tokens = dkm(headless(), "tokens", ws.toString(), "--json");
        assertThat(tokens.exit()).as(tokens.err()).isZero();
        JsonArray items = JsonParser.parseString(tokens.out()).getAsJsonArray();
        assertThat(items).isNotEmpty();
        assertMatchesDoc("tokens", items, Set.of("always"));
        for (JsonElement i : items) {
            assertThat(i.getAsJsonObject().get("kind").getAsString()).isIn("deploy-token", "deploy-key", "personal-access-token",
                    "project-access-token", "group-access-token");
            assertThat(i.getAsJsonObject().get("band").getAsString()).isIn("expired", "7d", "30d", "later", "never", "revoked");
        }

        assertThat(dkm(headless(), "deploy-token", "revoke", "--project", "acme/website", Long.toString(id)).exit()).isZero();
        assertThat(dkm(headless(), "deploy-token", "revoke", "--project", "acme/website", Long.toString(id)).exit())
                .as("GitLab answers 404 for a deleted deploy token").isEqualTo(1);
        assertThat(dkm(headless(), "keys", "acme/no-such-project").exit()).isEqualTo(1);
        assertThat(dkm(headless(), "keys", "acme/website").exit()).isZero();

        // Stored credentials instead of the environment: login, instances, logout.
        Map<String, String> stored = base();
        Run emptyLogin = dkm(stored, "login", "--host", server.url(), "--token-stdin");
        assertThat(emptyLogin.exit()).as("no token given").isEqualTo(2);
        Processes.Result login = Processes.run(tmp, home, withToken(stored), List.of("sh", "-c",
                "printf '%s' \"$DKM_TEST_TOKEN\" | " + String.join(" ", java(List.of("login", "--host", server.url(), "--token-stdin")))));
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        Run instances = dkm(stored, "instances", "--json");
        assertThat(instances.exit()).isZero();
        assertThat(instances.out().contains(server.maintainerToken())).as("raw token in instances --json").isFalse();
        JsonArray list = JsonParser.parseString(instances.out()).getAsJsonArray();
        assertThat(list).hasSize(1);
        assertMatchesDoc("instances", list, Set.of("always"));
        assertThat(list.get(0).getAsJsonObject().get("user").getAsString()).isNotBlank();
        assertThat(dkm(stored, "logout", "--host", server.url()).exit()).isZero();
    }

    @Test
    void the_sandbox_ready_line_has_the_documented_fields() throws Exception {
        assertMatchesDoc("sandbox", JsonParser.parseString(server.readyJson()), Set.of("always"));
    }

    private static void assertMatchesDoc(String name, JsonElement actual, Set<String> present) throws Exception {
        CliJsonDoc.assertMatches(name, actual, present);
    }

    // --- running dkm ----------------------------------------------------------------------------------------

    private record Run(int exit, String out, String err) {}

    private Run dkm(Map<String, String> env, String... args) throws Exception {
        Processes.Result r = Processes.run(tmp, home, env, java(List.of(args)));
        return new Run(r.exitCode(), r.stdout(), r.stderr());
    }

    private List<String> java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(dev.dkm.environments.HelperRuntime.CLI_JVM_OPTIONS);
        command.addAll(List.of("-Ddkm.mode=cli", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.dkm.Launcher"));
        command.addAll(args);
        return command;
    }

    /** The isolated git environment and dkm's own folders under the temp dir; no GitLab configured. */
    private Map<String, String> base() {
        Map<String, String> env = new LinkedHashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        env.put("GITLAB_HOST", "");
        env.put("GITLAB_TOKEN", "");
        return env;
    }

    /** Headless, as scripts run it: GITLAB_HOST and GITLAB_TOKEN, nothing stored. */
    private Map<String, String> headless() {
        Map<String, String> env = base();
        env.put("GITLAB_HOST", server.url());
        env.put("GITLAB_TOKEN", server.maintainerToken());
        return env;
    }

    private Map<String, String> withToken(Map<String, String> env) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put("DKM_TEST_TOKEN", server.maintainerToken());
        return e;
    }

    private Path tokenClone(Path ws, String project, String dir) throws Exception {
        Path repo = ws.resolve(dir);
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        String token = server.world().createPersonalAccessToken("maria", "remote-" + dir, List.of("read_repository", "write_repository"),
                LocalDate.now().plusDays(30));
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + token + "@") + "/" + project + ".git").assertOk();
        return repo;
    }
}
