package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClientConfig;
import dev.dkm.gitlab.RetryPolicy;
import dev.dkm.instances.ClientFactory;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.SettingsStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dkm login|logout|instances} in-process against a scripted GitLab; the token never shows. */
class LoginCommandTest {
    static final String TOKEN = "glpat-CliLoginSecret0123456789ab";
    static final Clock NOV_21 = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;
    private MockWebServer server;
    private AppDirs dirs;
    private FileTokenStore tokens;
    private String url;
    private final StringBuilder everything = new StringBuilder();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        url = server.url("/").toString().replaceAll("/$", "");
        dirs = AppDirs.of(Map.of("DKM_CONFIG_DIR", dir.resolve("config").toString()), dir.toString());
        tokens = new FileTokenStore(dirs.credentialsFile(), "no keyring available");
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        assertThat(everything.toString()).doesNotContain(TOKEN);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Runs dkm with stdin, capturing its out, its err and anything written to System.out/err meanwhile. */
    private Run dkm(String stdin, String... args) {
        ClientFactory fast = (instance, token) -> GitLabClient.create(GitLabClientConfig.builder(instance.baseUrl(), token)
                .retry(RetryPolicy.none()).shareInstanceLimits(false).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Map.<String, String>of()::get, dirs, () -> tokens, fast, NOV_21,
                new PrintWriter(out, true), new PrintWriter(err, true));
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        int code;
        try {
            // redirected before picocli is built: it binds System.out for its own messages (help) early
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            CommandLine cli = DkmCli.commandLine(context);
            code = cli.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        Run run = new Run(code, out.toString(), err.toString(), stray.toString(StandardCharsets.UTF_8));
        everything.append(run.out).append(run.err).append(run.stray);
        return run;
    }

    record Run(int code, String out, String err, String stray) {}

    private void enqueueValidToken(String scopes, String expiresAt) {
        server.enqueue(json(200, "{\"id\":9,\"username\":\"jane\",\"name\":\"Jane Doe\",\"state\":\"active\"}"));
        server.enqueue(json(200, "{\"version\":\"17.5.1-ee\",\"revision\":\"abc\"}"));
        server.enqueue(json(200, "{\"id\":4,\"name\":\"dkm\",\"revoked\":false,\"active\":true,\"scopes\":" + scopes
                + ",\"expires_at\":" + expiresAt + ",\"created_at\":\"2026-01-01T00:00:00Z\"}"));
    }

    @Test
    void loginValidatesStoresAndSaysWhere() throws Exception {
        enqueueValidToken("[\"read_api\"]", "\"2026-12-01\"");
        Run run = dkm(TOKEN + "\n", "login", "--host", url, "--token-stdin");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).as(run.toString()).contains(
                "Logged in to " + url + " as @jane (Jane Doe)",
                "GitLab 17.5.1-ee",
                "scopes read_api; expires 2026-12-01",
                "Warning: The token lacks the api scope",
                "Warning: The token expires on 2026-12-01 (in 10 days)",
                "Token stored in file " + dirs.credentialsFile() + " (0600) — no keyring available");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getPath()).isEqualTo("/api/v4/user");
        assertThat(first.getHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/version");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/personal_access_tokens/self");
        assertThat(tokens.read(url).orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(SettingsStore.at(dirs).load().instance(url)).isPresent();
        assertThat(Files.readString(dirs.settingsFile())).doesNotContain(TOKEN);
    }

    @Test
    void rejectedTokenIsNotStored() {
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized\"}"));
        Run run = dkm(TOKEN, "login", "--host", url, "--token-stdin");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("GitLab answered 401 for " + url);
        assertThat(tokens.read(url)).isEmpty();
        assertThat(Files.exists(dirs.settingsFile())).isFalse();
    }

    @Test
    void expiredTokenSaysSo() {
        server.enqueue(json(401, "{\"error\":\"invalid_token\",\"error_description\":\"Token is expired. You can either do re-authorization or token refresh.\"}"));
        Run run = dkm(TOKEN, "login", "--host", url, "--token-stdin");
        assertThat(run.err()).contains("expired or been revoked");
    }

    @Test
    void aTokenGitLabWillNotDescribeStillLogsInWithAWarning() {
        server.enqueue(json(200, "{\"id\":9,\"username\":\"bot\"}"));
        server.enqueue(json(200, "{\"version\":\"15.0.0\"}"));
        server.enqueue(json(400, "{\"message\":\"400 Bad request - Not a personal access token\"}"));
        Run run = dkm(TOKEN, "login", "--host", url, "--token-stdin");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Warning: GitLab did not describe this token");
    }

    @Test
    void loginHasHelp() {
        Run run = dkm("", "login", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out() + run.stray()).contains("Usage: dkm login", "--token-stdin", "--ca-file=PEM");
    }

    @Test
    void noTokenOnStdinIsRefused() {
        Run run = dkm("", "login", "--host", url, "--token-stdin");
        assertThat(run.code()).isEqualTo(2);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void instancesShowsTheRedactedTokenAndUserThenLogoutForgetsIt() {
        enqueueValidToken("[\"api\"]", "null");
        assertThat(dkm(TOKEN, "login", "--host", url, "--token-stdin").code()).isZero();

        server.enqueue(json(200, "{\"id\":9,\"username\":\"jane\"}"));
        server.enqueue(json(200, "{\"id\":4,\"name\":\"dkm\",\"scopes\":[\"api\"],\"expires_at\":\"2027-03-01\"}"));
        Run json = dkm("", "instances", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"url\": \"" + url + "\"", "\"user\": \"jane\"", "\"token\": \"glpat-…89ab\"",
                "\"tokenExpiresAt\": \"2027-03-01\"");

        Run text = dkm("", "instances", "--offline");
        assertThat(text.out()).contains(url, "token: glpat-…89ab from file ");

        Run logout = dkm("", "logout", "--host", url);
        assertThat(logout.out()).contains("Removed the token for " + url);
        assertThat(tokens.read(url)).isEmpty();
        assertThat(dkm("", "instances", "--offline").out()).contains("token: none");

        Run removal = dkm("", "logout", "--host", url, "--remove");
        assertThat(removal.out()).contains("Removed " + url + " from the settings");
        assertThat(SettingsStore.at(dirs).load().instance(url)).isEmpty();
        assertThat(dkm("", "instances", "--offline").out()).doesNotContain(url);
    }

    /** The real thing end to end: the sandbox GitLab answers /user, /version and /personal_access_tokens/self. */
    @Test
    void loginAgainstTheSandboxGitLabPrintsWhoVersionScopesAndExpiryAndStoresTheToken() throws Exception {
        try (dev.dkm.sandbox.SandboxServer gitlab = dev.dkm.sandbox.Sandbox.builder().dataDir(dir.resolve("gitlab")).start()) {
            String token = gitlab.maintainerToken();
            Run run = dkm(token + "\n", "login", "--host", gitlab.url(), "--token-stdin");
            everything.append(run.out).append(run.err).append(run.stray).append('\n');

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Logged in to " + gitlab.url() + " as @maria", "scopes api",
                    "expires 20", "Token stored in file " + dirs.credentialsFile() + " (0600)");
            assertThat(run.out()).containsPattern("GitLab \\d+\\.\\d+\\.\\d+-sandbox"); // the version the sandbox says it is
            assertThat(tokens.read(gitlab.url()).orElseThrow().reveal()).isEqualTo(token);
            assertThat(Files.getPosixFilePermissions(dirs.credentialsFile()))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(SettingsStore.at(dirs).load().instance(gitlab.url())).isPresent();
            assertThat(run.out() + run.err() + run.stray()).doesNotContain(token);

            Run instances = dkm("", "instances");
            assertThat(instances.out()).contains(gitlab.url(), "@maria");
            assertThat(instances.out() + instances.err()).doesNotContain(token);
        }
    }
}
