package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.instances.ClientFactory;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dkm scan --gitlab}: the window's GitLab column on the command line, on the demo world. */
class ScanGitLabCommandTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static SandboxLogin login;
    static Path workspace;

    @BeforeAll
    static void demo() throws Exception {
        workspace = tmp.resolve("workspace");
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).demo(true).workspace(workspace).start();
        login = SandboxLogin.of(server, new IsolatedGit(tmp), tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), login.env()::get, login.dirs(), login::tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(DkmCli.commandLine(context).execute(args)).as(err.toString()).isZero();
        assertThat(out.toString() + err).doesNotContain(server.maintainerToken());
        return out.toString();
    }

    @Test
    void json_says_per_repository_what_gitlab_knows_of_its_key_and_asks_only_for_repositories_with_a_key() {
        server.resetRequestCounts();
        JsonArray repos = JsonParser.parseString(dkm("scan", workspace.toString(), "--gitlab", "--json")).getAsJsonArray();

        Map<String, JsonObject> byPath = new HashMap<>();
        for (JsonElement e : repos) {
            byPath.put(e.getAsJsonObject().get("path").getAsString(), e.getAsJsonObject().getAsJsonObject("gitlab"));
        }
        JsonObject storefront = byPath.get("shop/frontend/storefront");
        assertThat(storefront.get("state").getAsString()).isEqualTo("enabled");
        assertThat(storefront.get("canPush").getAsBoolean()).isTrue();
        assertThat(storefront.get("detail").getAsString()).startsWith("deploy key #");
        assertThat(byPath.get("shop/backend/orders").get("state").getAsString()).isEqualTo("no-key");
        // only storefront has a key of its own: one project asked, whatever the size of the workspace
        assertThat(server.requestCount("GET", "/projects/:id/deploy_keys")).isEqualTo(1);

        assertThat(JsonParser.parseString(dkm("scan", workspace.toString(), "--json")).getAsJsonArray().get(0)
                .getAsJsonObject().has("gitlab")).isFalse();
    }

    @Test
    void the_table_gets_a_gitlab_column() {
        String table = dkm("scan", workspace.toString(), "--gitlab");
        assertThat(table.lines().findFirst().orElseThrow()).endsWith("GITLAB");
        assertThat(table).containsPattern("shop/frontend/storefront .*enabled: deploy key #\\d+ \"Workspace storefront\", read-write")
                .containsPattern("acme/website .*no-key: the repository has no key of its own");
    }
}
