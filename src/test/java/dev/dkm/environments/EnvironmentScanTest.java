package dev.dkm.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.cli.DkmCli;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.ScanOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dkm scan across real local accounts (useradd), each scanned by dkm itself running as that account in helper mode;
 * and helpers that misbehave for real (garbage, hang, flood, crash) failing only their own environment.
 */
class EnvironmentScanTest {
    static final ThrowawayAccounts accounts = new ThrowawayAccounts();
    static String a;
    static String b;
    /** Not a real token (CI greps the output for token shapes): a credential in a remote URL all the same. */
    static final String REMOTE_SECRET = "remote-secret-0123456789abcdef";

    @TempDir Path tmp;

    @BeforeAll
    static void accounts() throws Exception {
        System.setProperty("dkm.helper.classpath", dev.dkm.testsupport.LocalAccounts.readableClasspath());
        a = accounts.create("a");
        b = accounts.create("b");
        ThrowawayAccounts.as(a, "mkdir -p src/app && cd src/app && git init -q && git remote add origin"
                + " https://oauth2:" + REMOTE_SECRET + "@gitlab.example.com/team/app.git").assertOk();
        // b remembers one root: its other repository is not looked at
        ThrowawayAccounts.as(b, "mkdir -p work/site other/ignored .config/dkm && (cd work/site && git init -q"
                + " && git remote add origin git@gitlab.example.com:team/site.git) && (cd other/ignored && git init -q)"
                + " && echo $HOME/work > .config/dkm/workspace-roots.txt").assertOk();
    }

    @AfterAll
    static void remove() throws Exception {
        accounts.close();
        System.clearProperty("dkm.helper.classpath");
    }

    private record Run(int exit, String out, String err) {}

    private static Run dkm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = DkmCli.commandLine(Map.of(), Path.of(System.getProperty("user.home")));
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonObject> rows(String json) {
        List<JsonObject> rows = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            rows.add(e.getAsJsonObject());
        }
        return rows;
    }

    @Test
    void scan_user_lists_each_accounts_repositories_with_its_environment_and_tokens_redacted() {
        Run run = dkm("scan", "--user", a, "--user", b, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonObject> rows = rows(run.out());
        assertThat(rows).extracting(r -> r.get("environment").getAsString() + " " + r.get("absolutePath").getAsString())
                .containsExactlyInAnyOrder(a + " /home/" + a + "/src/app", b + " /home/" + b + "/work/site");
        JsonObject app = rows.stream().filter(r -> r.get("environment").getAsString().equals(a)).findFirst().orElseThrow();
        assertThat(app.get("status").getAsString()).isEqualTo(RepoStatus.TOKEN_IN_URL.id());
        // the raw credential never crosses from its environment, not even to the caller
        assertThat(run.out() + run.err()).doesNotContain(REMOTE_SECRET).contains("team/app");
    }

    @Test
    void scan_all_users_lists_every_account_with_repositories_and_leaves_system_accounts_out_quietly() {
        Run run = dkm("scan", "--all-users", "--json");
        List<JsonObject> rows = rows(run.out());
        assertThat(rows).filteredOn(r -> r.has("absolutePath"))
                .extracting(r -> r.get("environment").getAsString() + " " + r.get("absolutePath").getAsString())
                .contains(a + " /home/" + a + "/src/app", b + " /home/" + b + "/work/site");
        // daemon's "home" is /usr/sbin, bin's is /bin: not theirs, never entered
        assertThat(rows).extracting(r -> r.get("environment").getAsString()).doesNotContain("daemon", "bin", "nobody");
        assertThat(rows).filteredOn(r -> r.has("absolutePath")).allSatisfy(r -> assertThat(r.get("environment").getAsString()).isNotBlank());
    }

    @Test
    void a_helper_that_answers_garbage_hangs_floods_or_dies_fails_only_its_own_environment() {
        HelperLimits limits = new HelperLimits(Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(60), 1024 * 1024);
        List<EnvironmentSpec> specs = List.of(
                EnvironmentSpec.account(a),
                EnvironmentSpec.command("sh -c 'echo this is not json; sleep 600'"),
                EnvironmentSpec.command("sh -c 'sleep 600'"),
                EnvironmentSpec.command("sh -c 'head -c 5000000 /dev/zero | tr \"\\\\0\" x; sleep 600'"),
                EnvironmentSpec.command("sh -c 'echo going away >&2; exit 3'"));
        Launch launch = new Launch(HelperRuntime.ofThisProcess(), "root", true);
        long started = System.nanoTime();
        List<EnvironmentScan.Result> results;
        // The start limit is what a hanging helper costs; a JVM helper on a busy 2-core machine needs some of it.
        try (Environments envs = new Environments(launch, new HelperLimits(Duration.ofSeconds(45), limits.call(),
                limits.scan(), limits.maxAnswer()))) {
            // the account's helper needs longer to start a JVM than the broken ones get: open it first
            assertThat(envs.open(EnvironmentSpec.account(a)).user()).isEqualTo(a);
            results = new EnvironmentScan(envs, ScanOptions.defaults()).scan(specs, List.of(), Progress.NONE);
        } catch (EnvironmentException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, EnvironmentScan.Result> byEnv = new HashMap<>();
        results.forEach(r -> byEnv.put(r.environment(), r));
        assertThat(byEnv.get(a).failure()).isNull();
        assertThat(byEnv.get(a).repos()).extracting(RepoInfo::path).containsExactly(Path.of("/home", a, "src/app"));
        assertThat(byEnv.get(specs.get(1).id()).failure()).contains("not the protocol").doesNotContain("this is not json");
        assertThat(byEnv.get(specs.get(2).id()).failure()).contains("did not answer hello within 45 s");
        assertThat(byEnv.get(specs.get(3).id()).failure()).contains("longer than 1 MiB");
        assertThat(byEnv.get(specs.get(4).id()).failure()).contains("exited (code 3)").contains("going away");
        assertThat(took).isLessThan(Duration.ofSeconds(120)); // the hang costs its limit once, not once per environment
    }

    @Test
    void without_sudo_rights_the_failure_is_one_sentence_with_the_sudoers_line() throws Exception {
        Path sudo = tmp.resolve("sudo");
        Files.writeString(sudo, "#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n");
        sudo.toFile().setExecutable(true);
        Launch launch = new Launch(HelperRuntime.withClasspath("/opt/dkm/lib/dkm.jar"), "alice", false, sudo.toString());
        assertThat(launch.command(EnvironmentSpec.account("codimd"))).startsWith(sudo.toString(), "-n", "-H", "-u", "codimd", "--");
        try (Environments envs = new Environments(launch, HelperLimits.defaults())) {
            EnvironmentScan.Result r = new EnvironmentScan(envs, ScanOptions.defaults())
                    .scan(List.of(EnvironmentSpec.account("codimd")), List.of(), Progress.NONE).get(0);
            assertThat(r.failure()).startsWith("dkm cannot enter the account codimd: sudo -n -u codimd is not allowed for alice;")
                    .contains("alice ALL=(codimd) NOPASSWD: ").contains(" helper --protocol 1");
        }
    }

    @Test
    void the_helper_gets_no_token_in_its_arguments_or_environment() throws Exception {
        Path seen = Files.createDirectories(tmp.resolve("seen"));
        String token = "api-token-of-the-caller-" + Long.toHexString(System.nanoTime());
        // A template that writes down what the helper is started with, then starts it as account a.
        String template = "sh -c 'env > " + seen + "/env.txt; echo \"$0 $*\" > " + seen + "/args.txt; exec runuser -u " + a
                + " -- \"$0\" \"$@\"' {dkm}";
        List<String> command = new ArrayList<>(HelperRuntime.ofThisProcess().dkm());
        command.addAll(List.of("scan", "--env-command", template, "--json"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GITLAB_TOKEN", token);
        pb.environment().put("GITLAB_HOST", "https://gitlab.example.com");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("\"environment\": \"command:").contains("/home/" + a + "/src/app");
        String env = Files.readString(seen.resolve("env.txt"));
        String args = Files.readString(seen.resolve("args.txt"));
        assertThat(args).contains(" helper --protocol 1").doesNotContain(token);
        assertThat(env).doesNotContain(token).doesNotContain("GITLAB_").doesNotContain("DKM_");
        // nor in any file of the account's home
        assertThat(ThrowawayAccounts.run(List.of("grep", "-rl", token, ThrowawayAccounts.home(a).toString())).exit()).isEqualTo(1);
    }
}
