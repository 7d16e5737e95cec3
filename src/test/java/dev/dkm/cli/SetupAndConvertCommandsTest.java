package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.IsolatedGit;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dkm setup, convert, runs and undo in-process against the sandbox, with the real git and OpenSSH. */
class SetupAndConvertCommandsTest {
    @TempDir Path tmp;
    SandboxServer server;
    IsolatedGit git;
    Map<String, String> env;
    AppDirs dirs;
    FileTokenStore tokens;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        git = new IsolatedGit(tmp);
        env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
        int exit = DkmCli.commandLine(context).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path tokenClone(String project, String dir) throws Exception {
        Path repo = tmp.resolve("ws").resolve(dir);
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git").assertOk();
        return repo;
    }

    @Test
    void setup_dry_run_prints_the_plan_and_changes_nothing_then_yes_sets_it_up() throws Exception {
        Path repo = tokenClone("acme/website", "website");
        byte[] before = Files.readAllBytes(repo.resolve(".git/config"));

        Run dry = dkm("setup", repo.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Project:     acme/website").contains("Host key:    unknown").contains("glpat-…")
                .doesNotContain(server.maintainerToken());
        assertThat(Files.readAllBytes(repo.resolve(".git/config"))).isEqualTo(before);

        Run refused = dkm("setup", repo.toString(), "--yes");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("not confirmed");
        assertThat(Files.readAllBytes(repo.resolve(".git/config"))).isEqualTo(before);

        Run done = dkm("setup", repo.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        JsonObject json = JsonParser.parseString(done.out()).getAsJsonObject();
        assertThat(json.get("success").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("steps")).hasSize(5);
        assertThat(done.out() + done.err()).doesNotContain(server.maintainerToken());

        Files.writeString(repo.resolve("cli.txt"), "pushed by a test\n");
        git.git(repo, "add", "cli.txt").assertOk();
        git.git(repo, "commit", "-q", "-m", "cli").assertOk();
        git.git(repo, "push", "-q", "origin", "HEAD:main").assertOk();

        String runId = json.get("runId").getAsString();
        assertThat(dkm("runs").out()).contains(runId).contains("1 converted");
        Run undo = dkm("undo", runId);
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(Files.readAllBytes(repo.resolve(".git/config"))).isEqualTo(before);
    }

    @Test
    void convert_turns_every_token_remote_under_a_root_into_ssh_and_reports_per_repo() throws Exception {
        tokenClone("acme/website", "a/website");
        tokenClone("acme/platform/infra", "b/infra");
        Path plain = tmp.resolve("ws/c/plain");
        git.git(tmp, "clone", "-q", server.repoDir("acme/handbook").toString(), plain.toString()).assertOk();

        Run preview = dkm("convert", tmp.resolve("ws").toString(), "--dry-run");
        assertThat(preview.exit()).isZero();
        assertThat(preview.out()).contains("2 to convert").doesNotContain(server.maintainerToken());

        Run run = dkm("convert", tmp.resolve("ws").toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(report.getAsJsonObject("counts").get("converted").getAsInt()).isEqualTo(2);
        assertThat(report.getAsJsonArray("tokensRemoved")).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(server.maintainerToken());

        Run scan = dkm("scan", tmp.resolve("ws").toString(), "--json");
        assertThat(scan.out()).contains("\"status\": \"wired\"").doesNotContain("token-in-url");
    }

    @Test
    void setup_and_convert_start_from_the_settings_defaults_and_the_flags_override_them() throws Exception {
        Path repo = tokenClone("acme/website", "website");
        SettingsStore store = new SettingsStore(dirs.settingsFile());
        store.save(store.load().withKeyStrategy(KeyStrategy.ONE_KEY_PER_ENVIRONMENT).withReadOnlyByDefault(true));

        Run shared = dkm("setup", repo.toString(), "--dry-run");
        assertThat(shared.exit()).as(shared.err()).isZero();
        assertThat(shared.out()).contains("_shared (new Ed25519 key)").contains("(shared)").contains("Access:      read-only");

        Run perRepo = dkm("setup", repo.toString(), "--dry-run", "--per-repo-key", "--read-write");
        assertThat(perRepo.exit()).as(perRepo.err()).isZero();
        assertThat(perRepo.out()).doesNotContain("_shared").contains("acme_website").contains("Access:      read-write");

        Run both = dkm("setup", repo.toString(), "--dry-run", "--shared-key", "--per-repo-key");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        Run convert = dkm("convert", tmp.resolve("ws").toString(), "--dry-run");
        assertThat(convert.exit()).as(convert.err()).isZero();
        assertThat(convert.out()).contains("_shared");
        assertThat(dkm("convert", tmp.resolve("ws").toString(), "--dry-run", "--per-repo-key").out()).doesNotContain("_shared");
    }

    private static Map<Path, byte[]> read(List<Path> files) throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        for (Path f : files) {
            m.put(f, Files.readAllBytes(f));
        }
        return m;
    }

    private static final String REPO_HEADER = "glpat-CliRepoHeader14aaaa";
    private static final String GLOBAL_HEADER = "glpat-CliGlobalHead14bbbb";

    private Path plainClone(String project, String dir) throws Exception {
        Path repo = tmp.resolve("ws").resolve(dir);
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin", server.url() + "/" + project + ".git").assertOk();
        return repo;
    }

    /**
     * Repositories that authenticate with a credential store and extra headers, the user's git config in the temp
     * HOME: afterwards no file of the workspace, ~/.gitconfig or ~/.git-credentials holds any of those tokens (only
     * converted repositories used them), nothing printed shows one, and dkm undo puts every file back byte for byte.
     */
    @Test
    void convert_removes_credential_store_and_extra_header_tokens_only_converted_repos_used_and_undo_puts_them_back() throws Exception {
        String storeToken = server.maintainerToken();
        Path store = Files.writeString(git.home().resolve(".git-credentials"),
                server.url().replace("http://", "http://oauth2:" + storeToken + "@") + "\n");
        Path gitconfig = git.home().resolve(".gitconfig");
        Files.writeString(gitconfig, "[credential]\n\thelper = store\n[http \"" + server.url() + "/acme/platform/infra.git\"]\n"
                + "\textraHeader = Authorization: Bearer " + GLOBAL_HEADER + "\n", java.nio.file.StandardOpenOption.APPEND);
        Path website = plainClone("acme/website", "a/website");
        Path infra = plainClone("acme/platform/infra", "b/infra");
        git.git(infra, "config", "http.extraHeader", "PRIVATE-TOKEN: " + REPO_HEADER).assertOk();
        List<Path> files = Stream.of(store, gitconfig, website.resolve(".git/config"), infra.resolve(".git/config")).toList();
        Map<Path, byte[]> before = read(files);

        Run scan = dkm("convert", tmp.resolve("ws").toString(), "--dry-run");
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("2 to convert");

        Run run = dkm("convert", tmp.resolve("ws").toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.err()).isZero();
        String printed = run.out() + run.err();
        for (String raw : List.of(storeToken, REPO_HEADER, GLOBAL_HEADER)) {
            assertThat(printed).doesNotContain(raw.substring(6, raw.length() - 4));
        }
        assertThat(run.out()).contains("Tokens in shared files:").contains("credential-store").contains(": removed, used nowhere else");
        for (Path f : files) {
            String text = Files.readString(f);
            for (String raw : List.of(storeToken, REPO_HEADER, GLOBAL_HEADER)) {
                assertThat(text).as(f.toString()).doesNotContain(raw);
            }
        }
        assertThat(Files.readString(gitconfig)).contains("helper = store");

        Matcher id = Pattern.compile("dkm undo (\\S+)\\)").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();
        Run undo = dkm("undo", id.group(1));
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(read(files)).allSatisfy((p, bytes) -> assertThat(bytes).as(p.toString()).isEqualTo(before.get(p)));
    }

    /**
     * One repository set up by itself takes a credential-store entry away only when it can tell nothing else uses it:
     * with no workspace roots remembered it keeps the entry and says why; once the window's roots are known and the
     * last repository using the entry is set up, the entry goes; undo puts it back byte for byte.
     */
    @Test
    void setup_takes_a_shared_store_entry_away_only_when_it_can_tell_nothing_else_uses_it() throws Exception {
        String storeToken = server.maintainerToken();
        Path store = Files.writeString(git.home().resolve(".git-credentials"),
                server.url().replace("http://", "http://oauth2:" + storeToken + "@") + "\n");
        Files.writeString(git.home().resolve(".gitconfig"), "[credential]\n\thelper = store\n", java.nio.file.StandardOpenOption.APPEND);
        Path website = plainClone("acme/website", "a/website");
        Path infra = plainClone("acme/platform/infra", "b/infra");
        byte[] storeBefore = Files.readAllBytes(store);

        Run first = dkm("setup", website.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("credential-store").contains("kept — no workspace roots are remembered")
                .doesNotContain(storeToken.substring(6, storeToken.length() - 4));
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);

        SettingsStore settings = new SettingsStore(dirs.settingsFile());
        settings.save(settings.load().withWorkspaceRoots(List.of(tmp.resolve("ws")))); // the window's remembered folder
        Run second = dkm("setup", infra.toString(), "--yes", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("credential-store").contains("removed, used nowhere else");
        assertThat(Files.readString(store)).doesNotContain(storeToken);

        Matcher id = Pattern.compile("dkm undo (\\S+)\\)").matcher(second.out());
        assertThat(id.find()).as(second.out()).isTrue();
        Run undo = dkm("undo", id.group(1));
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
    }
}
