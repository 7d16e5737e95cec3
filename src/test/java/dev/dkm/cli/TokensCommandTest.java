package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.Progress;
import dev.dkm.workspace.GlobalGitConfig;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dkm tokens} in-process against the sandbox's demo world and workspace. */
class TokensCommandTest {
    @TempDir
    static Path tmp;
    static SandboxServer server;
    static Path workspace;
    static final List<String> rawSecrets = new ArrayList<>();

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        workspace = tmp.resolve("ws");
        server = Sandbox.builder().dataDir(tmp.resolve("data")).workspace(workspace).start();
        rawSecrets.addAll(List.of(server.ownerToken(), server.maintainerToken(), server.adminToken(), server.developerToken()));
        new WorkspaceScanner(ScanOptions.defaults(), GlobalGitConfig.none(), tmp).scan(List.of(workspace), Progress.NONE)
                .forEach(r -> r.remotes().forEach(rem -> rem.tokens().forEach(t -> rawSecrets.add(t.secret().reveal()))));
        assertThat(rawSecrets).hasSizeGreaterThan(6);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private int run(String... args) {
        return runAs(server.ownerToken(), args);
    }

    private int runAs(String token, String... args) {
        Map<String, String> env = Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", token,
                "DKM_CONFIG_DIR", tmp.resolve("config").toString(), "PATH", "/usr/bin:/bin");
        CommandLine cli = DkmCli.commandLine(env, tmp.resolve("home"));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void assertNoRawSecret(String... more) {
        List<String> texts = new ArrayList<>(List.of(out.toString(), err.toString()));
        texts.addAll(List.of(more));
        for (String secret : rawSecrets) {
            String middle = secret.substring(secret.indexOf('-') + 1, secret.length() - 4);
            texts.forEach(t -> assertThat(t).doesNotContain(middle));
        }
    }

    private static Map<String, JsonObject> byName(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(o -> o.get("name").getAsString(), o -> o, (a, b) -> a));
    }

    @Test
    void json_lists_every_seeded_token_in_its_band_and_no_raw_token() {
        assertThat(run("tokens", workspace.toString(), "--json", "--inspect-url-tokens")).isEqualTo(0);

        Map<String, JsonObject> items = byName(JsonParser.parseString(out.toString()).getAsJsonArray());
        Map<String, String> expectedBands = Map.ofEntries(
                Map.entry("expired-ci", "expired"), Map.entry("k8s-pull", "7d"), Map.entry("cdn-sync", "30d"),
                Map.entry("etl-reader", "later"), Map.entry("forever", "never"), Map.entry("group-registry", "30d"),
                Map.entry("group-readonly", "never"), Map.entry("group-expired", "expired"), Map.entry("backend-pull", "7d"),
                Map.entry("workspace-clone", "30d"), Map.entry("deployer", "30d"), Map.entry("reporting", "expired"),
                Map.entry("shop-automation", "later"), Map.entry("ops-bot", "7d"), Map.entry("workspace-remotes", "30d"),
                Map.entry("workspace-pushurl", "7d"), Map.entry("token in a remote URL", "expired"),
                Map.entry("sandbox", "later"), Map.entry("Workspace storefront", "never"));
        expectedBands.forEach((name, band) -> {
            assertThat(items).as(name).containsKey(name);
            assertThat(items.get(name).get("band").getAsString()).as(name).isEqualTo(band);
        });
        assertThat(items.get("workspace-clone").getAsJsonArray("usedBy").toString()).contains("shop/backend/payments");
        assertThat(items.get("workspace-remotes").get("token").getAsString()).startsWith("glpat-…");
        assertNoRawSecret();
    }

    @Test
    void the_table_has_counts_per_band_on_top_and_within_filters() {
        assertThat(run("tokens", workspace.toString(), "--within", "7")).isEqualTo(0);

        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).matches("\\d+ credentials: .*expired.*≤ 7 days.*");
        assertThat(lines[1]).startsWith("KIND").contains("NAME", "WHERE", "EXPIRES", "DAYS", "BAND", "LAST USED", "USED BY");
        assertThat(out.toString()).contains("k8s-pull", "expired-ci").doesNotContain("etl-reader", "forever", "cdn-sync");
        assertThat(err.toString()).contains("not inspected"); // no consent given
        assertNoRawSecret();
    }

    /** Issue 12/13: a Developer's token is valid; its refusals are grouped, the places only with --verbose. */
    @Test
    void a_developer_reads_your_role_grouped_and_never_log_in_again() {
        assertThat(runAs(server.developerToken(), "tokens", workspace.toString())).isEqualTo(0);
        String notes = err.toString();
        assertThat(notes).doesNotContain("log in again").doesNotContain("GitLab answered 403")
                .containsPattern("note: .*your role on \\d+ projects and \\d+ groups does not allow listing their deploy tokens")
                .doesNotContain("  - project shop/backend/orders");
        long roleLines = notes.lines().filter(l -> l.contains("your role on")).count();
        assertThat(roleLines).as(notes).isLessThanOrEqualTo(4); // one per kind of thing, not one per project

        err.getBuffer().setLength(0);
        assertThat(runAs(server.developerToken(), "tokens", workspace.toString(), "--verbose")).isEqualTo(0);
        assertThat(err.toString()).contains("  - project shop/backend/orders", "  - group shop");
        assertNoRawSecret();
    }

    /** GitLab's last_used_at (lib/api/entities/personal_access_token.rb): the token dkm just used was used today. */
    @Test
    void the_table_says_when_a_token_was_last_used() {
        assertThat(run("tokens", workspace.toString())).isEqualTo(0);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(out.toString().lines().filter(l -> l.contains("sandbox") && l.contains("user olivia")))
                .as(out.toString()).anyMatch(l -> l.contains(today));
    }

    @Test
    void exports_an_ics_calendar() throws Exception {
        Path ics = tmp.resolve("tokens.ics");
        assertThat(run("tokens", workspace.toString(), "--export", "ics", "--output", ics.toString())).isEqualTo(0);

        String calendar = Files.readString(ics);
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("k8s-pull").contains("TRIGGER:-P60D");
        assertThat(err.toString()).contains("wrote").contains(ics.toString());
        assertNoRawSecret(calendar);
    }

    @Test
    void a_missing_token_is_one_line_and_exit_2() {
        CommandLine cli = DkmCli.commandLine(Map.of("DKM_CONFIG_DIR", tmp.resolve("config").toString()), tmp);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("tokens", workspace.toString(), "--host", server.url())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("dkm tokens: no token for " + server.url() + " (--host): run dkm login --host "
                + server.url() + ", or set GITLAB_HOST=" + server.url() + " and GITLAB_TOKEN (a personal access token with the api scope)");
    }
}
