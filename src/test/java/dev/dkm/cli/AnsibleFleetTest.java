package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code examples/ansible} playbook, run for real: Debian's {@code ansible-core} drives two inventory
 * hosts (both {@code connection: local}) whose service accounts are throwaway Unix users, each with a workspace of
 * clones whose HTTPS remotes carry a personal access token of the sandbox GitLab. The playbook becomes each user
 * with sudo and runs {@code dkm convert --yes --json} with the API token on stdin: on one host from the
 * controller's {@code GITLAB_TOKEN}, on the other from an Ansible Vault string. One account is misconfigured (a
 * folder that does not exist): it fails with dkm's one-line reason, the others are converted, the play fails
 * after the report is written.
 *
 * <p>The API calls dkm makes are the convert use case's (covered against GitLab's source in the convert tests);
 * this test adds no endpoint.
 */
class AnsibleFleetTest {
    private static final Path EXAMPLE = Path.of("examples", "ansible").toAbsolutePath();
    private static final String VAULT_PASSWORD = "fleet-vault-password-of-this-test";

    @TempDir Path tmp;
    SandboxServer server;
    final List<String> users = new ArrayList<>();
    final Map<String, String> remoteTokens = new LinkedHashMap<>();

    @BeforeEach
    void sandbox() throws Exception {
        // The throwaway users must reach their homes and the dkm launcher under the temp dir.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        server.world().createGroup("fleet", "Fleet", "private");
        server.world().addGroupMember("fleet", "maria", 40);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String user : users) {
            dev.dkm.testsupport.LocalAccounts.remove(user, null);
        }
        server.close();
    }

    @Test
    void the_playbook_converts_every_accounts_repositories_through_sudo_and_writes_one_report() throws Exception {
        String suffix = Long.toString(ProcessHandle.current().pid() % 100000);
        String alice = addUser("dkmt13fa" + suffix);
        String bob = addUser("dkmt13fb" + suffix);
        Map<String, List<String>> projects = Map.of(alice, List.of("fleet/web", "fleet/api"), bob, List.of("fleet/worker"));
        for (Map.Entry<String, List<String>> e : projects.entrySet()) {
            for (String project : e.getValue()) {
                server.world().createProject(project, project.substring(project.indexOf('/') + 1), "private");
                cloneWithTokenRemote(e.getKey(), project);
            }
        }
        Path dkm = launcher();
        Path report = tmp.resolve("report.json");
        Path vaultPassword = tmp.resolve("vault-password");
        Files.writeString(vaultPassword, VAULT_PASSWORD + "\n");
        String vaulted = encryptForVault(vaultPassword, server.maintainerToken());
        Path inventory = tmp.resolve("inventory.yml");
        Files.writeString(inventory, """
                dkm_fleet:
                  hosts:
                    fleet-a:
                      dkm_accounts:
                        - {user: %1$s, roots: [src]}
                    fleet-b:
                      dkm_gitlab_token: %2$s
                      dkm_accounts:
                        - {user: %3$s, roots: [src]}
                        - {user: %3$s, roots: [/nonexistent-dkmt13f]}
                  vars:
                    ansible_connection: local
                    ansible_python_interpreter: /usr/bin/python3
                    ansible_become_method: sudo
                    dkm_command: %4$s
                    dkm_gitlab_host: %5$s
                    dkm_host_key_fingerprint: %6$s
                    dkm_report_file: %7$s
                """.formatted(alice, vaulted.replace("\n", "\n      "), bob, dkm, server.url(), server.hostKeyFingerprint(), report));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITLAB_TOKEN", server.maintainerToken()); // the controller's environment: fleet-a's token
        Map<Path, String> before = gitConfigs(projects);

        // --check first: dkm convert --dry-run --json as each account; the report says what a run would do.
        Result check = run(null, env, List.of("ansible-playbook", "--check", "-i", inventory.toString(),
                "--vault-password-file", vaultPassword.toString(), EXAMPLE.resolve("convert.yml").toString()));
        String checkOutput = check.stdout + check.stderr;
        assertThat(contains(checkOutput, server.maintainerToken())).as("API token in ansible's output").isFalse();
        assertThat(check.exit).as(tail(checkOutput)).isEqualTo(2);
        JsonObject preview = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        assertThat(preview.get("dryRun").getAsBoolean()).isTrue();
        assertThat(preview.getAsJsonObject("summary").get("ready").getAsInt()).as(Files.readString(report)).isEqualTo(3);
        assertThat(preview.getAsJsonObject("summary").get("converted").getAsInt()).isZero();
        JsonObject alicePreview = account(preview, "fleet-a", alice, 0).getAsJsonObject("result");
        assertThat(alicePreview.get("dryRun").getAsBoolean()).isTrue();
        for (JsonElement r : alicePreview.getAsJsonArray("repositories")) {
            assertThat(r.getAsJsonObject().get("state").getAsString()).isEqualTo("ready");
        }
        assertThat(gitConfigs(projects).equals(before)).as("--check changed a config (not printed: they hold tokens)").isTrue();
        Result play = run(null, env, List.of("ansible-playbook", "-vvv", "-i", inventory.toString(),
                "--vault-password-file", vaultPassword.toString(), EXAMPLE.resolve("convert.yml").toString()));
        String output = play.stdout + play.stderr;

        // No API token and no remote token in anything Ansible printed, even at -vvv, nor in the report.
        assertThat(contains(output, server.maintainerToken())).as("API token in ansible's output").isFalse();
        remoteTokens.values().forEach(t -> assertThat(contains(output, t)).as("remote token in ansible's output").isFalse());
        assertThat(play.exit).as(tail(output)).isEqualTo(2); // one account failed on purpose: the play says so
        String reportText = Files.readString(report);
        assertThat(contains(reportText, server.maintainerToken())).as("API token in the report").isFalse();
        remoteTokens.values().forEach(t -> assertThat(contains(reportText, t)).as("remote token in the report").isFalse());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");

        JsonObject root = JsonParser.parseString(reportText).getAsJsonObject();
        JsonObject summary = root.getAsJsonObject("summary");
        assertThat(summary.get("hosts").getAsInt()).isEqualTo(2);
        assertThat(summary.get("hostsNotReached").getAsInt()).isZero();
        assertThat(summary.get("accounts").getAsInt()).isEqualTo(3);
        assertThat(summary.get("accountsFailed").getAsInt()).isEqualTo(1);
        assertThat(summary.get("converted").getAsInt()).as(reportText).isEqualTo(3);
        assertThat(summary.get("failed").getAsInt()).isZero();

        JsonObject a = account(root, "fleet-a", alice, 0);
        assertThat(a.get("exitCode").getAsInt()).as(reportText).isZero();
        assertConverted(a, projects.get(alice));
        JsonObject b = account(root, "fleet-b", bob, 0);
        assertThat(b.get("exitCode").getAsInt()).as(reportText).isZero();
        assertConverted(b, projects.get(bob));
        JsonObject broken = account(root, "fleet-b", bob, 1);
        assertThat(broken.get("exitCode").getAsInt()).isEqualTo(2);
        assertThat(broken.get("result").isJsonNull()).isTrue();
        assertThat(broken.get("messages").toString()).contains("/nonexistent-dkmt13f is not a folder");
        assertThat(output).contains("did not finish cleanly for " + bob);

        // Each repository now pushes over SSH as its own user, with its own deploy key.
        Map<Path, String> configs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : projects.entrySet()) {
            for (String project : e.getValue()) {
                pushAs(e.getKey(), project);
                Path config = home(e.getKey()).resolve("src").resolve(project.substring(project.indexOf('/') + 1)).resolve(".git/config");
                configs.put(config, Files.readString(config));
            }
        }

        // A second run changes nothing: no token left to convert, every account reports 0 converted.
        Result again = run(null, env, List.of("ansible-playbook", "-i", inventory.toString(),
                "--vault-password-file", vaultPassword.toString(), EXAMPLE.resolve("convert.yml").toString()));
        String againOutput = again.stdout + again.stderr;
        assertThat(contains(againOutput, server.maintainerToken())).as("API token in ansible's output").isFalse();
        assertThat(again.exit).as(tail(againOutput)).isEqualTo(2);
        JsonObject second = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        assertThat(second.getAsJsonObject("summary").get("converted").getAsInt()).isZero();
        JsonObject aliceAgain = account(second, "fleet-a", alice, 0);
        assertThat(aliceAgain.get("exitCode").getAsInt()).isZero();
        assertThat(aliceAgain.getAsJsonObject("result").get("runId").isJsonNull()).as("nothing ran").isTrue();
        for (Map.Entry<Path, String> c : configs.entrySet()) {
            assertThat(Files.readString(c.getKey())).as(c.getKey().toString()).isEqualTo(c.getValue());
        }
        // Nothing under the users' homes holds the API token; no git config holds a remote token any more
        // (the 0600 run journal keeps the original configs for dkm undo).
        for (String user : users) {
            Path home = home(user);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(contains(text, server.maintainerToken())).as("API token in " + f).isFalse();
                    if (f.getFileName().toString().equals("config") && f.getParent().getFileName().toString().equals(".git")) {
                        remoteTokens.values().forEach(t -> assertThat(contains(text, t)).as("remote token in " + f).isFalse());
                    }
                }
            }
            assertThat(home.resolve(".ansible")).as("Ansible wrote no module (with its token argument) into the home").doesNotExist();
        }
    }

    private static JsonObject account(JsonObject report, String host, String user, int index) {
        for (JsonElement h : report.getAsJsonArray("hosts")) {
            JsonObject o = h.getAsJsonObject();
            if (o.get("host").getAsString().equals(host)) {
                assertThat(o.get("reached").getAsBoolean()).isTrue();
                JsonObject account = o.getAsJsonArray("accounts").get(index).getAsJsonObject();
                assertThat(account.get("user").getAsString()).isEqualTo(user);
                return account;
            }
        }
        throw new AssertionError("no host " + host + " in the report");
    }

    private static void assertConverted(JsonObject account, List<String> projects) {
        JsonObject result = account.getAsJsonObject("result");
        assertThat(result.get("runId").getAsString()).isNotBlank();
        JsonArray repos = result.getAsJsonArray("repositories");
        List<String> converted = new ArrayList<>();
        for (JsonElement r : repos) {
            JsonObject o = r.getAsJsonObject();
            assertThat(o.get("outcome").getAsString()).as(o.toString()).isEqualTo("converted");
            assertThat(o.get("deployKeyId").getAsInt()).isPositive();
            converted.add(o.get("project").getAsString());
        }
        assertThat(converted).containsExactlyInAnyOrderElementsOf(projects);
        assertThat(result.getAsJsonArray("tokensRemoved")).hasSize(projects.size());
    }

    private Map<Path, String> gitConfigs(Map<String, List<String>> projects) throws IOException {
        Map<Path, String> configs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : projects.entrySet()) {
            for (String project : e.getValue()) {
                Path config = home(e.getKey()).resolve("src").resolve(project.substring(project.indexOf('/') + 1)).resolve(".git/config");
                configs.put(config, Files.readString(config));
            }
        }
        return configs;
    }

    private String addUser(String name) throws Exception {
        Path homes = Files.createDirectories(tmp.resolve("homes"));
        Files.setPosixFilePermissions(homes, PosixFilePermissions.fromString("rwx--x--x"));
        dev.dkm.testsupport.LocalAccounts.add(name, homes.resolve(name), null);
        users.add(name);
        return name;
    }

    private Path home(String user) {
        return tmp.resolve("homes").resolve(user);
    }

    /** A clone in the user's ~/src whose origin is HTTPS with a personal access token of its own in the URL. */
    private void cloneWithTokenRemote(String user, String project) throws Exception {
        String token = server.world().createPersonalAccessToken("maria", "git-" + user + "-" + project.replace('/', '-'),
                List.of("read_repository", "write_repository"), LocalDate.now().plusDays(90));
        remoteTokens.put(user + ":" + project, token);
        Path repo = home(user).resolve("src").resolve(project.substring(project.indexOf('/') + 1));
        run(null, Map.of(), List.of("git", "clone", "-q", server.repoDir(project).toString(), repo.toString())).assertOk();
        run(null, Map.of(), List.of("git", "-C", repo.toString(), "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + token + "@") + "/" + project + ".git")).assertOk();
        run(null, Map.of(), List.of("chown", "-R", user + ":" + user, home(user).resolve("src").toString())).assertOk();
    }

    /** A commit pushed as the user, with nothing but what dkm wired (no agent, the user's own ssh setup). */
    private void pushAs(String user, String project) throws Exception {
        Path repo = home(user).resolve("src").resolve(project.substring(project.indexOf('/') + 1));
        String config = Files.readString(repo.resolve(".git/config"));
        assertThat(config).contains("sshCommand").contains("ssh://");
        String message = "pushed by " + user + " over SSH";
        String script = "cd " + repo + " && git -c user.name=T -c user.email=t@example.invalid commit -q --allow-empty -m '"
                + message + "' && git push -q origin HEAD";
        run(null, Map.of(), List.of("runuser", "-l", user, "-c", script)).assertOk();
        Result log = run(null, Map.of(), List.of("git", "--git-dir", server.repoDir(project).toString(), "log", "-1", "--format=%s"));
        assertThat(log.assertOk().stdout.trim()).isEqualTo(message);
    }

    /**
     * How dkm gets onto a target: here a launcher script over the copy of this build's class path that the throwaway
     * users can read ({@link dev.dkm.testsupport.LocalAccounts#readableClasspath()}); on real hosts the .deb/.rpm.
     */
    private Path launcher() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("dkm"));
        run(null, Map.of(), List.of("chmod", "a+rx", dir.toString())).assertOk();
        String classPath = dev.dkm.testsupport.LocalAccounts.readableClasspath();
        Path script = dir.resolve("dkm");
        Files.writeString(script, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " " + String.join(" ", dev.dkm.environments.HelperRuntime.CLI_JVM_OPTIONS) + " -XX:-UsePerfData -Ddkm.mode=cli -cp " + classPath
                + " dev.dkm.Launcher \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** {@code ansible-vault encrypt_string}, the secret on stdin (never an argument). */
    private String encryptForVault(Path passwordFile, String secret) throws Exception {
        Result r = run(secret, Map.of(), List.of("ansible-vault", "encrypt_string", "--vault-password-file", passwordFile.toString(),
                "--stdin-name", "dkm_gitlab_token")).assertOk();
        String out = r.stdout.trim();
        return out.substring(out.indexOf("!vault"));
    }

    private record Result(int exit, String stdout, String stderr) {
        Result assertOk() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + "\n" + tail(stdout + stderr));
            }
            return this;
        }
    }

    /**
     * Runs a tool as root with a home under the temp dir (ansible keeps ~/.ansible there), without the DKM_, XDG_ and
     * git variables Maven gives the tests; {@code stdin} is fed to the process (null: none).
     */
    private Result run(String stdin, Map<String, String> extraEnv, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DKM_") || k.startsWith("XDG_") || k.startsWith("GIT_") || k.startsWith("GITLAB_")
                || k.startsWith("ANSIBLE_"));
        Path controllerHome = Files.createDirectories(tmp.resolve("controller-home"));
        env.put("HOME", controllerHome.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("ANSIBLE_CONFIG", EXAMPLE.resolve("ansible.cfg").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.remove("SSH_AUTH_SOCK");
        env.putAll(extraEnv);
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command.get(0));
        }
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    /** Whether {@code text} holds {@code secret}, without AssertJ ever printing the secret. */
    private static boolean contains(String text, String secret) {
        return text.contains(secret);
    }

    private static String tail(String text) {
        return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
    }
}
