package dev.dkm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.RunUndo;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.setup.DeployKeySetup;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlanner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.GlobalGitConfig;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversion of repositories whose token lives outside their URL — a credential store, a repository or global
 * {@code http.extraHeader}, an {@code insteadOf} rule in an included file — against the sandbox with real git and
 * OpenSSH: what is the repository's own goes with the repository; a shared line goes only once nothing else uses it
 * (the report names who still does); undo puts every file back byte for byte, mode and symbolic link included.
 */
class SharedCredentialConversionTest {
    private static final String HEADER = "glpat-ConvHeaderTok14aaaa";
    private static final String GLOBAL = "glpat-ConvGlobalTok14bbbb";
    private static final String INCLUDED = "glpat-ConvIncludeTk14cccc";

    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    Path workspace;
    Path runs;
    String storeToken;
    Path store;
    Path storeTarget;
    Path globalConfig;
    Path include;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        var w = server.world();
        w.createGroup("bulk", "Bulk", "private");
        w.addGroupMember("bulk", "maria", 40);
        for (int i = 0; i < 4; i++) {
            w.createProject("bulk/p" + i, "P" + i, "private");
        }
        storeToken = server.maintainerToken();
        git = new IsolatedGit(tmp);
        workspace = Files.createDirectories(tmp.resolve("ws"));
        runs = tmp.resolve("runs");
        globalConfig = git.home().resolve(".gitconfig");

        // ~/.git-credentials is a symbolic link to a 0600 file elsewhere, as dotfile managers make it.
        storeTarget = Files.createDirectories(tmp.resolve("dotfiles")).resolve("git-credentials");
        Files.writeString(storeTarget, "https://someone:unrelated-secret-0001@other.example\n"
                + server.url().replace("http://", "http://oauth2:" + storeToken + "@") + "\n");
        Files.setPosixFilePermissions(storeTarget, PosixFilePermissions.fromString("rw-------"));
        store = Files.createSymbolicLink(git.home().resolve(".git-credentials"), storeTarget);
        Files.writeString(globalConfig, "[credential]\n\thelper = store\n"
                + "[http \"" + server.url() + "/bulk/p2.git\"]\n\textraHeader = Authorization: Bearer " + GLOBAL + "\n"
                + "\textraHeader = X-Trace: keep-me\n", java.nio.file.StandardOpenOption.APPEND);
        include = Files.writeString(tmp.resolve("team.inc"), "# team settings\n"
                + "[url \"" + server.url().replace("http://", "http://oauth2:" + INCLUDED + "@") + "/bulk/p3\"]\n"
                + "\tinsteadOf = " + server.url() + "/bulk/p3\n[core]\n\tautocrlf = false\n");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private Path clone(String folder, String project) throws Exception {
        Path repo = workspace.resolve(folder);
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin", server.url() + "/" + project + ".git").assertOk();
        return repo;
    }

    private List<RepoInfo> scan() {
        GlobalGitConfig global = new GlobalGitConfig(List.of(globalConfig), null, git.home(), git.home().resolve(".config"));
        return new WorkspaceScanner(ScanOptions.defaults(), global, git.home()).scan(List.of(workspace), Progress.NONE);
    }

    private BulkConverter converter(SshEnvironment env) {
        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(10)));
        GitLabConnections connections = (host, port) -> "127.0.0.1".equals(host) && Integer.valueOf(server.httpPort()).equals(port)
                ? Optional.of(new GitLabConnections.GitLabConnection(server.url(), client)) : Optional.empty();
        return new BulkConverter(new SetupPlanner(env, hostKeys), new DeployKeySetup(hostKeys, new GitRunner("git", git.env(), 60),
                Clock.systemUTC()), connections, runs, Clock.systemUTC());
    }

    /** One run over {@code selected}, then the shared cleanup as {@code dkm convert} does it. */
    private List<SharedTokenCleanup.Outcome> convert(List<RepoInfo> selected) throws Exception {
        SshEnvironment env = new SshEnvironment(tmp.resolve("ssh/dkm"), tmp.resolve("ssh/known_hosts"), false, "t@box");
        BulkConverter converter = converter(env);
        ConversionPreview preview = converter.preview(selected, SetupOptions.defaults(), 2, Progress.NONE);
        assertThat(preview.ready()).as(preview.summary()).hasSize(selected.size());
        for (ConversionItem item : preview.ready()) {
            String plan = String.join("\n", item.plan().describe());
            for (String raw : List.of(HEADER, GLOBAL, INCLUDED, storeToken)) {
                assertThat(plan).doesNotContain(raw.substring(6, raw.length() - 4));
            }
        }
        ConversionReport report = converter.run(preview, HostKeyConsent.fingerprint(server.hostKeyFingerprint()), 2, "t",
                Progress.NONE, BulkConverter.Listener.NONE);
        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(selected.size());
        runIds.add(report.runId());
        List<SharedTokenCleanup.Source> sources = SharedTokenCleanup.afterRun(selected, scan());
        try (RunJournal journal = RunJournal.open(runs, report.runId())) {
            return SharedTokenCleanup.apply(sources, false, journal, Clock.systemUTC());
        }
    }

    private final List<String> runIds = new ArrayList<>();

    private Map<Path, byte[]> files(List<Path> paths) throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        for (Path p : paths) {
            m.put(p, Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    void sharedLinesGoOnlyWhenUnusedAndUndoRestoresEveryFile() throws Exception {
        Path a = clone("a", "bulk/p0");
        Path b = clone("b", "bulk/p1");
        git.git(b, "config", "http.extraHeader", "PRIVATE-TOKEN: " + HEADER).assertOk();
        Path c = clone("c", "bulk/p2");
        Path d = clone("d", "bulk/p3");
        git.git(d, "config", "include.path", include.toString()).assertOk();
        Path e = clone("e", "bulk/p0"); // not converted in the first run: keeps using the store

        List<RepoInfo> repos = scan();
        assertThat(repos).extracting(RepoInfo::status).allMatch(s -> s == RepoStatus.TOKEN_IN_CREDENTIALS || s == RepoStatus.TOKEN_IN_URL);
        List<Path> everyFile = new ArrayList<>(List.of(storeTarget, globalConfig, include));
        Stream.of(a, b, c, d, e).forEach(r -> everyFile.add(r.resolve(".git/config")));
        Map<Path, byte[]> before = files(everyFile);

        List<RepoInfo> first = repos.stream().filter(r -> !r.path().equals(e.toAbsolutePath().normalize())).toList();
        List<SharedTokenCleanup.Outcome> outcomes = convert(first);

        // The repository's own header went with its conversion; the global header only C used, and the included
        // rule only D used, are gone; the store entry stays, and the report says who still needs it.
        assertThat(Files.readString(b.resolve(".git/config"))).doesNotContain(HEADER);
        assertThat(Files.readString(globalConfig)).doesNotContain(GLOBAL).contains("X-Trace: keep-me").contains("helper = store");
        assertThat(Files.readString(include)).doesNotContain(INCLUDED).isEqualTo("# team settings\n[core]\n\tautocrlf = false\n");
        assertThat(Files.readString(storeTarget)).contains(storeToken);
        assertThat(outcomes).filteredOn(o -> o.source().location().equals("credential-store")).singleElement().satisfies(o -> {
            assertThat(o.removed()).isFalse();
            assertThat(o.message()).endsWith(": kept, still used by e").contains("glpat-…").doesNotContain(storeToken);
        });
        assertThat(outcomes).filteredOn(SharedTokenCleanup.Outcome::removed).extracting(o -> o.source().location())
                .containsExactlyInAnyOrder("extraHeader", "insteadOf");

        // Converting the last user lets the store entry go; the other line in the store, its mode and its link stay.
        List<SharedTokenCleanup.Outcome> second = convert(scan().stream().filter(r -> r.path().equals(e.toAbsolutePath().normalize())).toList());
        assertThat(second).filteredOn(o -> o.source().location().equals("credential-store")).singleElement()
                .satisfies(o -> assertThat(o.removed()).isTrue());
        assertThat(Files.readString(storeTarget)).isEqualTo("https://someone:unrelated-secret-0001@other.example\n");
        assertThat(Files.isSymbolicLink(store)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeTarget))).isEqualTo("rw-------");
        for (Path f : everyFile) {
            String text = Files.readString(f);
            for (String raw : List.of(HEADER, GLOBAL, INCLUDED, storeToken)) {
                assertThat(text).as(f.toString()).doesNotContain(raw);
            }
        }
        assertThat(scan()).extracting(RepoInfo::status).containsOnly(RepoStatus.WIRED);

        // Undo both runs, the last first: every file back byte for byte.
        RunUndo undo = new RunUndo(runs, instance -> client, Clock.systemUTC());
        undo.undo(runIds.get(1));
        undo.undo(runIds.get(0));
        assertThat(files(everyFile)).allSatisfy((p, bytes) -> assertThat(bytes).as(p.toString()).isEqualTo(before.get(p)));
        assertThat(Files.isSymbolicLink(store)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeTarget))).isEqualTo("rw-------");
        // A second undo changes nothing.
        undo.undo(runIds.get(0));
        assertThat(files(everyFile)).allSatisfy((p, bytes) -> assertThat(bytes).as(p.toString()).isEqualTo(before.get(p)));
    }
}
