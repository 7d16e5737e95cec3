package dev.dkm.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.cli.CliContext;
import dev.dkm.cli.DkmCli;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.CliJsonDoc;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "done when": from root, with GITLAB_HOST/GITLAB_TOKEN, {@code dkm convert --user A --user B --yes} over two
 * real accounts (useradd) whose workspaces hold token remotes to the sandbox GitLab. Each account's repositories then
 * push over SSH as that account with a 0600 key of its own in its ~/.ssh/dkm; root gains no key; a config symlinked to a
 * root-owned file is reported and left alone; the API token is nowhere in the accounts' files; undo restores every
 * config byte for byte and removes the deploy keys. GitLab's side as in gitlabhq lib/api/deploy_keys.rb, read for this
 * test: POST /projects/:id/deploy_keys requires key and title and answers with the existing key when the project (or
 * another project the caller can reach) already has it; DELETE /projects/:id/deploy_keys/:key_id removes the project's
 * link and answers 404 "Deploy Key" when there is none — so undo removing the keys twice is harmless.
 */
class EnvironmentConvertTest {
    @TempDir Path tmp;
    SandboxServer server;
    ThrowawayAccounts accounts;
    Map<String, String> env;
    AppDirs dirs;
    String a;
    String b;
    Path rootOwned;

    @BeforeEach
    void world() throws Exception {
        System.setProperty("dkm.helper.classpath", dev.dkm.testsupport.LocalAccounts.readableClasspath());
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        accounts = new ThrowawayAccounts();
        a = accounts.create("c");
        b = accounts.create("d");
        env = new HashMap<>();
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        env.put("GITLAB_HOST", server.url());
        env.put("GITLAB_TOKEN", server.maintainerToken());
        dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));

        // The accounts' remotes carry a token of their own (the developer's), never the caller's API token.
        ThrowawayAccounts.tokenRepo(a, "src/site", server, server.developerToken(), "acme/website");
        ThrowawayAccounts.tokenRepo(b, "work/infra", server, server.developerToken(), "acme/platform/infra");
        ThrowawayAccounts.as(b, "mkdir -p work/linked && cd work/linked && git init -q -b main").assertOk();
        // b's second repository has its config symlinked to a root-owned file b can read but not write.
        Path rootDir = Files.createDirectories(Path.of("/tmp", "dkmt15-rootcfg-" + ProcessHandle.current().pid()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        rootOwned = rootDir.resolve("config");
        Files.writeString(rootOwned, "[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote \"origin\"]\n\turl = "
                + ThrowawayAccounts.tokenUrl(server, server.developerToken(), "acme/handbook") + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        Files.setPosixFilePermissions(rootOwned, PosixFilePermissions.fromString("rw-r--r--"));
        ThrowawayAccounts.as(b, "cd work/linked/.git && rm config && ln -s " + rootOwned + " config").assertOk();
    }

    @AfterEach
    void cleanUp() throws Exception {
        server.close();
        accounts.close();
        ThrowawayAccounts.run(List.of("rm", "-rf", rootOwned.getParent().toString()));
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs,
                () -> new FileTokenStore(dirs.credentialsFile(), "test"), ClientFactory.DEFAULT, Clock.systemUTC(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = DkmCli.commandLine(context).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path config(String account, String repo) {
        return ThrowawayAccounts.home(account).resolve(repo).resolve(".git/config");
    }

    @Test
    void convert_user_a_user_b_wires_each_account_with_its_own_key_and_undo_puts_everything_back() throws Exception {
        byte[] siteBefore = Files.readAllBytes(config(a, "src/site"));
        byte[] infraBefore = Files.readAllBytes(config(b, "work/infra"));
        byte[] rootOwnedBefore = Files.readAllBytes(rootOwned);

        Run run = dkm("convert", "--user", a, "--user", b, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(report.getAsJsonObject("counts").get("converted").getAsInt()).as(run.out() + run.err()).isEqualTo(2);
        Map<String, JsonObject> byRepo = new HashMap<>();
        for (JsonElement e : report.getAsJsonArray("repositories")) {
            JsonObject r = e.getAsJsonObject();
            byRepo.put(r.get("environment").getAsString() + ":" + r.get("repository").getAsString(), r);
        }
        assertThat(byRepo.get(a + ":src/site").get("outcome").getAsString()).isEqualTo("converted");
        assertThat(byRepo.get(b + ":work/infra").get("outcome").getAsString()).isEqualTo("converted");
        // the symlinked config: reported, left alone (the root-owned file and the link both untouched)
        JsonObject linked = byRepo.get(b + ":work/linked");
        assertThat(linked.get("outcome").getAsString()).isEqualTo("failed");
        assertThat(linked.get("reason").getAsString()).contains(rootOwned.toString()).contains("left alone");
        assertThat(Files.readAllBytes(rootOwned)).isEqualTo(rootOwnedBefore);
        assertThat(Files.isSymbolicLink(config(b, "work/linked"))).isTrue();
        assertThat(run.exit()).isEqualTo(1);

        // each key born in its own account: 0600 in a 0700 ~/.ssh/dkm, owned by that account
        for (String account : List.of(a, b)) {
            ThrowawayAccounts.assertOneOwnKey(account);
            // the caller's API token never entered the account: not in any of its files
            ThrowawayAccounts.assertNotInHome(account, server.maintainerToken());
        }
        // root's side gained no key
        assertThat(tmp.resolve("ssh/dkm")).doesNotExist();
        assertThat(Path.of(System.getProperty("user.home"), ".ssh", "dkm", "127.0.0.1_acme_website")).doesNotExist();

        // each account pushes over SSH as itself, with the wired key
        ThrowawayAccounts.as(a, "cd src/site && git fetch -q origin && git checkout -q --detach origin/main && echo a > a.txt"
                + " && git add a.txt && git commit -qm a && git push -q origin HEAD:main").assertOk();
        ThrowawayAccounts.as(b, "cd work/infra && git fetch -q origin && git checkout -q --detach origin/main && echo b > b.txt"
                + " && git add b.txt && git commit -qm b && git push -q origin HEAD:main").assertOk();

        // the keys' titles name the environment and host
        GitLabClient api = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        assertThat(api.projectDeployKeys("acme/website")).extracting(DeployKey::title)
                .anySatisfy(t -> assertThat(t).startsWith("dkm " + a + "@").endsWith(" acme/website"));
        assertThat(api.projectDeployKeys("acme/platform/infra")).extracting(DeployKey::title)
                .anySatisfy(t -> assertThat(t).startsWith("dkm " + b + "@"));

        // undo: each config back byte for byte (restored by its own account's helper), the deploy keys gone
        String runId = report.get("runId").getAsString();
        Run runs = dkm("runs");
        assertThat(runs.out()).contains(runId).contains("--user " + a);
        Run undo = dkm("undo", runId);
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(undo.out()).contains(a + ": ").contains(b + ": ");
        assertThat(Files.readAllBytes(config(a, "src/site"))).isEqualTo(siteBefore);
        assertThat(Files.readAllBytes(config(b, "work/infra"))).isEqualTo(infraBefore);
        assertThat(Files.getOwner(config(a, "src/site")).getName()).isEqualTo(a);
        assertThat(api.projectDeployKeys("acme/website")).extracting(DeployKey::title).noneMatch(t -> t.startsWith("dkm " + a + "@"));
        assertThat(api.projectDeployKeys("acme/platform/infra")).extracting(DeployKey::title).noneMatch(t -> t.startsWith("dkm " + b + "@"));
    }

    /**
     * {@code dkm convert --user NAME --json} keeps the contract of docs/cli-json.md: the preview ({@code --dry-run}), the
     * run and a second run with nothing left each print one document with exactly the documented fields, nulls written
     * out, each repository naming its environment. Regression: this path printed no document for a dry run or with
     * nothing to convert, and left null fields out.
     */
    @Test
    void convert_user_json_dry_run_run_and_nothing_left_each_print_the_documented_document() throws Exception {
        Set<String> withEnvironments = Set.of("always", "with --user/--all-users/--env-command");

        Run dry = dkm("convert", "--user", a, "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.err()).isZero();
        JsonObject preview = JsonParser.parseString(dry.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert-preview", preview, withEnvironments);
        assertThat(preview.getAsJsonArray("repositories").get(0).getAsJsonObject().get("environment").getAsString()).isEqualTo(a);

        Run run = dkm("convert", "--user", a, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert", doc, withEnvironments);
        JsonObject row = doc.getAsJsonArray("repositories").get(0).getAsJsonObject();
        assertThat(row.get("outcome").getAsString()).isEqualTo("converted");
        assertThat(row.has("reason") && row.get("reason").isJsonNull()).as("null written out").isTrue();

        Run again = dkm("convert", "--user", a, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(again.exit()).as(again.err()).isZero();
        JsonObject nothing = JsonParser.parseString(again.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert", nothing, withEnvironments);
        assertThat(nothing.get("runId").isJsonNull()).isTrue();
    }

    /**
     * The calling process never opens, stats or writes a file in another account's home itself: a whole
     * {@code dkm convert --user A} runs under strace, and no system call of the caller's own threads names a path in
     * A's home (the helper's threads, running as A, do all of that). Threads are told from processes by the clone flags.
     */
    @Test
    void the_caller_never_touches_a_file_in_the_other_accounts_home_itself() throws Exception {
        Path traces = Files.createDirectories(tmp.resolve("strace"));
        List<String> command = new java.util.ArrayList<>(List.of("strace", "-f", "-ff", "-qq", "-e",
                "trace=%file,clone,clone3,fork,vfork", "-o", traces.resolve("t").toString()));
        command.addAll(HelperRuntime.ofThisProcess().dkm());
        command.addAll(List.of("convert", "--user", a, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out.replace(server.maintainerToken(), "…")).isZero();
        assertThat(out).contains("\"converted\": 1");
        // the conversion happened in a's home, by a's helper
        assertThat(Files.readString(config(a, "src/site"))).contains("sshCommand");

        // strace runs java as its child: the caller is the one traced process no other one spawned.
        java.util.regex.Pattern spawned = java.util.regex.Pattern.compile("^(<\\.\\.\\. )?(clone3?|fork|vfork)\\b.* = (\\d+)$");
        Map<Long, List<long[]>> children = new HashMap<>(); // tid → [child, isThread]
        java.util.Set<Long> allTids = new java.util.TreeSet<>();
        java.util.Set<Long> spawnedTids = new java.util.HashSet<>();
        try (var files = Files.list(traces)) {
            for (Path trace : files.toList()) {
                long tid = Long.parseLong(trace.getFileName().toString().substring(2));
                allTids.add(tid);
                for (String line : Files.readAllLines(trace, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    java.util.regex.Matcher m = spawned.matcher(line);
                    if (m.matches()) {
                        long child = Long.parseLong(m.group(3));
                        spawnedTids.add(child);
                        children.computeIfAbsent(tid, k -> new java.util.ArrayList<>())
                                .add(new long[] {child, line.contains("CLONE_THREAD") ? 1 : 0});
                    }
                }
            }
        }
        List<Long> roots = allTids.stream().filter(t -> !spawnedTids.contains(t)).toList();
        assertThat(roots).hasSize(1);
        long root = roots.get(0);
        Map<Long, Long> processOf = new HashMap<>();
        processOf.put(root, root);
        java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            long tid = queue.poll();
            for (long[] child : children.getOrDefault(tid, List.of())) {
                processOf.put(child[0], child[1] == 1 ? processOf.get(tid) : child[0]);
                queue.add(child[0]);
            }
        }
        String home = ThrowawayAccounts.home(a).toString();
        List<String> touched = new java.util.ArrayList<>();
        int callerThreads = 0;
        for (Map.Entry<Long, Long> e : processOf.entrySet()) {
            if (e.getValue() != root) {
                continue;
            }
            callerThreads++;
            Path trace = traces.resolve("t." + e.getKey());
            if (Files.exists(trace)) {
                for (String line : Files.readAllLines(trace, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    if (line.contains("\"" + home + "/") || line.contains("\"" + home + "\"")) {
                        touched.add(line);
                    }
                }
            }
        }
        assertThat(callerThreads).isGreaterThan(5); // the JVM's threads were found
        assertThat(processOf.values().stream().distinct().count()).as("the helper processes").isGreaterThan(1);
        assertThat(touched).as("system calls of the caller naming a path in " + home).isEmpty();
        // and the helper did touch it (the trace does see such calls)
        boolean helperTouched = false;
        for (Map.Entry<Long, Long> e : processOf.entrySet()) {
            Path trace = traces.resolve("t." + e.getKey());
            if (e.getValue() != root && Files.exists(trace) && Files.readString(trace, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("\"" + home + "/.ssh/dkm")) {
                helperTouched = true;
            }
        }
        assertThat(helperTouched).isTrue();
    }

    @Test
    void setup_user_wires_one_repository_of_another_account_and_refuses_the_symlinked_config_with_its_reason() throws Exception {
        Path repo = ThrowawayAccounts.home(b).resolve("work/infra");
        Run dry = dkm("setup", "--user", b, repo.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("Project:     acme/platform/infra").contains("/home/" + b + "/.ssh/dkm/")
                .contains("Title:       dkm " + b + "@");

        Run done = dkm("setup", "--user", b, repo.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(Files.readString(config(b, "work/infra"))).contains("sshCommand = ssh -i /home/" + b + "/.ssh/dkm/");
        ThrowawayAccounts.as(b, "cd work/infra && git ls-remote -q origin > /dev/null").assertOk();

        byte[] rootOwnedBefore = Files.readAllBytes(rootOwned);
        Run linked = dkm("setup", "--user", b, ThrowawayAccounts.home(b).resolve("work/linked").toString(), "--yes",
                "--accept-host-key", server.hostKeyFingerprint());
        assertThat(linked.exit()).isEqualTo(1);
        assertThat(linked.out() + linked.err()).contains("is a link to " + rootOwned).contains("left alone");
        assertThat(Files.readAllBytes(rootOwned)).isEqualTo(rootOwnedBefore);

        Run nobody = dkm("setup", "--user", "dkmt15nosuchaccount", "/tmp", "--yes");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("there is no account dkmt15nosuchaccount");
    }

    /**
     * A run killed between wiring another account's repository and verifying it: the resume verifies it there, by that
     * account's helper (as that account, with its key), and counts it. Regression: the resume verified it from the
     * calling account, whose git refuses a repository another account owns ("dubious ownership"), so it failed.
     */
    @Test
    void a_resume_verifies_another_accounts_repository_the_crash_left_unverified_in_that_account() throws Exception {
        Run run = dkm("convert", "--user", a, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        String runId = JsonParser.parseString(run.out()).getAsJsonObject().get("runId").getAsString();
        Path journal = dev.dkm.journal.RunJournal.fileOf(dirs.dataDir().resolve("runs"), runId);
        // as if killed between wiring and verifying: the journal ends before the repository's outcome
        List<String> lines = Files.readAllLines(journal).stream()
                .filter(l -> !l.contains("\"repo-finished\"") && !l.contains("\"run-finished\"")).toList();
        Files.write(journal, lines);

        Run resumed = dkm("convert", "--user", a, "--resume", runId, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());

        JsonObject report = JsonParser.parseString(resumed.out()).getAsJsonObject();
        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
        assertThat(report.getAsJsonObject("counts").get("converted").getAsInt()).isEqualTo(1);
        JsonObject site = report.getAsJsonArray("repositories").get(0).getAsJsonObject();
        assertThat(site.get("environment").isJsonNull() ? null : site.get("environment").getAsString()).as(resumed.out()).isEqualTo(a);
        assertThat(site.get("outcome").getAsString()).isEqualTo("converted");
        assertThat(site.get("reason").getAsString()).isEqualTo("verified again after the interruption");
        assertThat(Files.readString(journal)).contains("\"repo-finished\"");
        ThrowawayAccounts.as(a, "cd src/site && git ls-remote -q origin > /dev/null").assertOk();
    }
}
