package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.workspace.GitFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dkm scan} run in-process, as a user would, on real repositories full of planted tokens. */
class ScanCommandTest {
    private static final List<String> PLANTED = List.of(
            "glpat-UrlUrlUrlUrlUrlUrl1234",
            "glpat-PushPushPushPushPush5678",
            "gldt-InsteadInsteadInstead9012",
            "glcbt-64_JobJobJobJobJobJobJob3456",
            "plainPasswordWithoutAnyPrefix7890",
            "gldt-BrokenConfigBrokenConfig1111");

    @TempDir
    Path tmp;

    GitFixture fx;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        fx.repo("team/url", "https://oauth2:" + PLANTED.get(0) + "@gitlab.com/team/url.git");
        Path push = fx.repo("team/push", "https://gitlab.com/team/push.git");
        fx.git(push, "remote", "set-url", "--push", "origin", "https://oauth2:" + PLANTED.get(1) + "@gitlab.com/team/push.git");
        Path insteadOf = fx.repo("team/insteadof", "https://gitlab.com/team/insteadof.git");
        fx.git(insteadOf, "config", "url.https://gitlab+deploy-token-5:" + PLANTED.get(2) + "@gitlab.com/.insteadOf",
                "https://gitlab.com/");
        fx.repo("ci/job", "https://gitlab-ci-token:" + PLANTED.get(3) + "@gitlab.com/ci/job.git");
        fx.repo("other/password", "https://bob:" + PLANTED.get(4) + "@[::1]:8443/other/password.git");
        Path broken = fx.repo("broken", null);
        Files.writeString(broken.resolve(".git/config"), "[remote \"origin\"\n\turl = https://u:" + PLANTED.get(5) + "@h/x\n");
        Path wired = fx.repo("wired", "git@gitlab.com:g/wired.git");
        Path key = fx.home.resolve("id_wired");
        Files.writeString(key, "key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        fx.git(wired, "config", "core.sshCommand", "ssh -i '" + key + "' -o IdentitiesOnly=yes");
        fx.repo("node_modules/hidden", "git@h:g/hidden.git");
    }

    private int run(String... args) {
        CommandLine cli = DkmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void assertNoRawToken() {
        for (String token : PLANTED) {
            String body = token.substring(token.indexOf('-') + 1, token.length() - 4);
            assertThat(out.toString()).doesNotContain(body);
            assertThat(err.toString()).doesNotContain(body);
        }
    }

    @Test
    void jsonHasEveryRepoAndNoRawToken() {
        assertThat(run("scan", fx.root.toString(), "--json")).isEqualTo(0);
        assertNoRawToken();
        JsonArray repos = JsonParser.parseString(out.toString()).getAsJsonArray();
        assertThat(repos).hasSize(7);
        JsonObject url = find(repos, "team/url");
        assertThat(url.get("bare").getAsBoolean()).isFalse();
        assertThat(url.get("layout").getAsString()).isEqualTo("normal");
        assertThat(url.get("branch").getAsString()).isEqualTo("main");
        assertThat(url.get("status").getAsString()).isEqualTo("token-in-url");
        assertThat(url.get("statusReason").getAsString()).contains("glpat-…1234");
        JsonObject remote = url.getAsJsonArray("remotes").get(0).getAsJsonObject();
        assertThat(remote.get("name").getAsString()).isEqualTo("origin");
        assertThat(remote.get("url").getAsString()).isEqualTo("https://oauth2:glpat-…1234@gitlab.com/team/url.git");
        assertThat(remote.get("effectiveUrl").getAsString()).isEqualTo(remote.get("url").getAsString());
        assertThat(remote.getAsJsonArray("pushUrls")).isEmpty();
        assertThat(remote.getAsJsonArray("effectivePushUrls")).hasSize(1);
        assertThat(remote.get("kind").getAsString()).isEqualTo("https-token");
        assertThat(remote.get("tokenKind").getAsString()).isEqualTo("personal");
        assertThat(remote.get("host").getAsString()).isEqualTo("gitlab.com");
        assertThat(remote.get("port").isJsonNull()).isTrue();
        assertThat(remote.get("projectPath").getAsString()).isEqualTo("team/url");

        JsonObject insteadOf = find(repos, "team/insteadof").getAsJsonArray("remotes").get(0).getAsJsonObject();
        assertThat(insteadOf.get("tokenKind").getAsString()).isEqualTo("deploy");
        assertThat(insteadOf.getAsJsonArray("tokens").get(0).getAsJsonObject().get("location").getAsString())
                .isEqualTo("insteadOf");
        JsonObject password = find(repos, "other/password").getAsJsonArray("remotes").get(0).getAsJsonObject();
        assertThat(password.get("port").getAsInt()).isEqualTo(8443);
        assertThat(password.get("host").getAsString()).isEqualTo("::1");
        assertThat(find(repos, "broken").get("status").getAsString()).isEqualTo("error");

        JsonObject wired = find(repos, "wired");
        assertThat(wired.get("status").getAsString()).isEqualTo("wired");
        JsonObject ssh = wired.getAsJsonObject("sshCommand");
        assertThat(ssh.get("identitiesOnly").getAsBoolean()).isTrue();
        JsonObject keyFile = ssh.getAsJsonArray("identityFiles").get(0).getAsJsonObject();
        assertThat(keyFile.get("path").getAsString()).isEqualTo(fx.home.resolve("id_wired").toString());
        assertThat(keyFile.get("exists").getAsBoolean()).isTrue();
        assertThat(keyFile.get("permissions").getAsString()).isEqualTo("rw-------");
        assertThat(keyFile.get("tooOpen").getAsBoolean()).isFalse();
    }

    private static JsonObject find(JsonArray repos, String path) {
        for (var e : repos) {
            if (e.getAsJsonObject().get("path").getAsString().equals(path)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no repo " + path + " in " + repos);
    }

    @Test
    void tableIsAlignedAndEndsWithTheSummary() {
        assertThat(run("scan", fx.root.toString())).isEqualTo(0);
        assertNoRawToken();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("PATH").contains("STATUS").contains("KIND").contains("TOKEN").contains("PROJECT")
                .contains("KEY");
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertThat(lines.subList(1, lines.size() - 1)).allSatisfy(l -> assertThat(l.charAt(statusColumn - 1)).isEqualTo(' '));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("team/url ").contains("token-in-url")
                .contains("https-token").contains("personal").contains("team/url"));
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("7 repos · 5 with tokens in URLs · 1 wired to deploy keys · 1 error");
    }

    @Test
    void depthAndIgnoreOptions() {
        assertThat(run("scan", fx.root.toString(), "--json", "--depth", "1", "--ignore", "broken")).isEqualTo(0);
        JsonArray repos = JsonParser.parseString(out.toString()).getAsJsonArray();
        assertThat(repos).extracting(e -> e.getAsJsonObject().get("path").getAsString()).containsExactly("wired");
    }

    @Test
    void missingRootExitsWithTwoAndOneLine() {
        assertThat(run("scan", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("dkm scan: " + tmp.resolve("nope") + " is not a folder");
        assertThat(out.toString()).isEmpty();
    }

    /**
     * The benchmark's phase probe (-Ddkm.bench.scanPhases=true): one line on stderr whose parts add up, the JSON on
     * stdout untouched; off, nothing.
     */
    @Test
    void phaseProbeWritesOneLineToStderrOnlyWhenAsked() {
        assertThat(run("scan", fx.root.toString(), "--json")).isEqualTo(0);
        assertThat(err.toString()).doesNotContain("phases");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        System.setProperty(ScanPhases.PROPERTY, "true");
        try {
            assertThat(run("scan", fx.root.toString(), "--json")).isEqualTo(0);
        } finally {
            System.clearProperty(ScanPhases.PROPERTY);
        }
        assertThat(JsonParser.parseString(out.toString()).getAsJsonArray()).hasSize(7);
        List<String> lines = err.toString().lines().filter(l -> l.startsWith("dkm scan phases: ")).toList();
        assertThat(lines).hasSize(1);
        var m = java.util.regex.Pattern.compile("wall (\\d+) ms before the scan .*, (\\d+) ms walking and reading, (\\d+) ms"
                + " writing; CPU (\\d+) ms \\(user (\\d+), system (\\d+)\\) = JIT compiler (\\d+) \\+ GC (\\d+) \\+ main thread"
                + " (\\d+) \\+ walk threads and the rest (-?\\d+)").matcher(lines.get(0));
        assertThat(m.find()).as(lines.get(0)).isTrue();
        long cpu = Long.parseLong(m.group(4));
        assertThat(cpu).isEqualTo(Long.parseLong(m.group(5)) + Long.parseLong(m.group(6)));
        assertThat(Long.parseLong(m.group(7))).as("this JVM has compiled something by now").isPositive();
        assertThat(Long.parseLong(m.group(10))).as("the rest is the total less the named threads").isNotNegative();
        assertThat(Long.parseLong(m.group(7)) + Long.parseLong(m.group(8)) + Long.parseLong(m.group(9))
                + Long.parseLong(m.group(10))).isEqualTo(cpu);
    }
}
