package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
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

/**
 * {@code dkm convert --yes} on repositories that authenticate with a credential store and extra headers, the user's
 * git config in a temp HOME: afterwards no file of the workspace, {@code ~/.gitconfig} or {@code ~/.git-credentials}
 * holds any of those tokens (only converted repositories used them), nothing printed shows one, and
 * {@code dkm undo} puts every file back byte for byte.
 */
class ConvertCredentialSourcesCommandTest {
    private static final String REPO_HEADER = "glpat-CliRepoHeader14aaaa";
    private static final String GLOBAL_HEADER = "glpat-CliGlobalHead14bbbb";

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

    private Path clone(String project, String dir) throws Exception {
        Path repo = tmp.resolve("ws").resolve(dir);
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin", server.url() + "/" + project + ".git").assertOk();
        return repo;
    }

    private static Map<Path, byte[]> read(List<Path> files) throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        for (Path f : files) {
            m.put(f, Files.readAllBytes(f));
        }
        return m;
    }

    @Test
    void convertLeavesNoneOfTheTokensAnywhereAndUndoPutsEveryFileBack() throws Exception {
        String storeToken = server.maintainerToken();
        Path store = Files.writeString(git.home().resolve(".git-credentials"),
                server.url().replace("http://", "http://oauth2:" + storeToken + "@") + "\n");
        Path gitconfig = git.home().resolve(".gitconfig");
        Files.writeString(gitconfig, "[credential]\n\thelper = store\n[http \"" + server.url() + "/acme/platform/infra.git\"]\n"
                + "\textraHeader = Authorization: Bearer " + GLOBAL_HEADER + "\n", java.nio.file.StandardOpenOption.APPEND);
        Path website = clone("acme/website", "a/website");
        Path infra = clone("acme/platform/infra", "b/infra");
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
}
