package dev.dkm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
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
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk conversion against the sandbox GitLab with real git and OpenSSH, over every remote shape the scan knows. */
class BulkConverterEndToEndTest {
    private static final int PROJECTS = 12;

    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    Path workspace;
    Path runs;
    String pat;
    String deployToken;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        var w = server.world();
        w.createGroup("bulk", "Bulk", "private");
        w.addGroupMember("bulk", "maria", 40);
        for (int i = 0; i < PROJECTS; i++) {
            w.createProject(project(i), "P" + i, "private");
        }
        pat = server.maintainerToken();
        deployToken = w.createDeployToken(project(0), null, "ci pull", List.of("read_repository"), null);
        git = new IsolatedGit(tmp);
        workspace = Files.createDirectories(tmp.resolve("ws"));
        runs = tmp.resolve("runs");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String project(int i) {
        return String.format("bulk/p%02d", i);
    }

    private String http(String userInfo, String project) {
        return server.url().replace("http://", "http://" + (userInfo == null ? "" : userInfo + "@")) + "/" + project + ".git";
    }

    /** The shapes of remote people have, most of them with a token somewhere. */
    private enum Shape { PAT_IN_URL, PAT_AS_USER, DEPLOY_TOKEN, PUSHURL_ONLY, INSTEADOF_ONLY, BARE_WITH_TOKEN, PLAIN_HTTPS, SSH_DEFAULT, NO_REMOTE }

    private static final List<Shape> TOKEN_SHAPES = List.of(Shape.PAT_IN_URL, Shape.PAT_AS_USER, Shape.DEPLOY_TOKEN,
            Shape.PUSHURL_ONLY, Shape.INSTEADOF_ONLY, Shape.BARE_WITH_TOKEN);

    private Path make(int i, Shape shape) throws Exception {
        String project = project(i % PROJECTS);
        Path repo = workspace.resolve(String.format("team%d/repo%02d", i % 3, i));
        Files.createDirectories(repo.getParent());
        if (shape == Shape.BARE_WITH_TOKEN) {
            git.git(tmp, "clone", "-q", "--bare", server.repoDir(project).toString(), repo.toString()).assertOk();
        } else {
            git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        }
        switch (shape) {
            case PAT_IN_URL, BARE_WITH_TOKEN -> git.git(repo, "remote", "set-url", "origin", http("oauth2:" + pat, project)).assertOk();
            case PAT_AS_USER -> git.git(repo, "remote", "set-url", "origin", http(pat, project)).assertOk();
            case DEPLOY_TOKEN -> git.git(repo, "remote", "set-url", "origin", http("gitlab+deploy-token-1:" + deployToken, project)).assertOk();
            case PUSHURL_ONLY -> {
                git.git(repo, "remote", "set-url", "origin", http(null, project)).assertOk();
                git.git(repo, "config", "remote.origin.pushurl", http("oauth2:" + pat, project)).assertOk();
            }
            case INSTEADOF_ONLY -> {
                git.git(repo, "remote", "set-url", "origin", http(null, project)).assertOk();
                git.git(repo, "config", "url." + server.url().replace("http://", "http://oauth2:" + pat + "@") + "/.insteadOf",
                        server.url() + "/").assertOk();
            }
            case PLAIN_HTTPS -> git.git(repo, "remote", "set-url", "origin", http(null, project)).assertOk();
            case SSH_DEFAULT -> git.git(repo, "remote", "set-url", "origin", server.sshUrl(project)).assertOk();
            case NO_REMOTE -> git.git(repo, "remote", "remove", "origin").assertOk();
        }
        return repo;
    }

    private List<RepoInfo> scan() {
        return new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(workspace), Progress.NONE);
    }

    private BulkConverter converter(SshEnvironment env) {
        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(10)));
        GitLabConnections connections = (host, port) -> "127.0.0.1".equals(host) && Integer.valueOf(server.httpPort()).equals(port)
                ? Optional.of(new GitLabConnections.GitLabConnection(server.url(), client)) : Optional.empty();
        return new BulkConverter(new SetupPlanner(env, hostKeys), new DeployKeySetup(hostKeys, new GitRunner("git", git.env(), 60),
                Clock.systemUTC()), connections, runs, Clock.systemUTC());
    }

    private SshEnvironment env() {
        return new SshEnvironment(tmp.resolve("ssh/dkm"), tmp.resolve("ssh/known_hosts"), false, "bulk@box");
    }

    private HostKeyConsent consent() {
        return HostKeyConsent.fingerprint(server.hostKeyFingerprint());
    }

    private Map<Path, byte[]> configs(List<RepoInfo> repos) throws Exception {
        Map<Path, byte[]> m = new HashMap<>();
        for (RepoInfo r : repos) {
            m.put(r.path(), Files.readAllBytes(r.gitDir().resolve("config")));
        }
        return m;
    }

    /** Clones of one project share its per-project key: one deploy key per project that has a converted clone. */
    private static int projectsOf(ConversionReport report) {
        return (int) report.outcomes().stream().filter(o -> o.outcome() == RepoOutcome.Outcome.CONVERTED)
                .map(RepoOutcome::project).distinct().count();
    }

    private int keysOnProjects() {
        int n = 0;
        for (int i = 0; i < PROJECTS; i++) {
            n += client.projectDeployKeys(project(i)).size();
        }
        return n;
    }

    @Test
    void every_token_shape_is_converted_the_rest_skipped_with_a_reason_and_undo_restores_everything() throws Exception {
        Shape[] shapes = Shape.values();
        for (int i = 0; i < 54; i++) {
            make(i, shapes[i % shapes.length]);
        }
        List<RepoInfo> repos = scan();
        assertThat(repos).hasSize(54);
        Map<Path, byte[]> before = configs(repos);
        BulkConverter converter = converter(env());

        ConversionPreview preview = converter.preview(repos, SetupOptions.defaults(), 4, Progress.NONE);
        assertThat(preview.count(ConversionItem.State.READY)).as(preview.summary()).isEqualTo(6L * TOKEN_SHAPES.size());
        assertThat(preview.items()).filteredOn(i -> i.state() == ConversionItem.State.SKIP)
                .extracting(ConversionItem::reason).containsOnly("no token in any remote URL", "no remote");
        assertThat(preview.ready()).allSatisfy(i -> assertThat(String.join("\n", i.plan().describe())).doesNotContain(pat).doesNotContain(deployToken));
        assertThat(configs(repos)).as("a preview changes nothing").allSatisfy((p, b) -> assertThat(b).isEqualTo(before.get(p)));

        ConversionReport report = converter.run(preview, consent(), 4, "test run", Progress.NONE, BulkConverter.Listener.NONE);

        assertThat(report.count(RepoOutcome.Outcome.FAILED)).as(report.outcomes().toString()).isZero();
        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).isEqualTo(36);
        assertThat(report.outcomes()).hasSize(54);
        for (RepoInfo r : scan()) {
            assertThat(Files.readString(r.gitDir().resolve("config"))).doesNotContain(pat).doesNotContain(deployToken);
        }
        assertThat(scan()).filteredOn(r -> r.status() == RepoStatus.WIRED).hasSize(36);
        // A sample pushes for real through its wired core.sshCommand.
        for (ConversionItem item : preview.ready().subList(0, 3)) {
            if (item.repo().bare()) {
                continue;
            }
            Path repo = item.repo().path();
            Files.writeString(repo.resolve("bulk.txt"), "converted\n");
            git.git(repo, "add", "bulk.txt").assertOk();
            git.git(repo, "commit", "-q", "-m", "after bulk").assertOk();
            git.git(repo, "pull", "-q", "--rebase", "origin", "main").assertOk();
            git.git(repo, "push", "-q", "origin", "HEAD:main").assertOk();
        }
        assertThat(keysOnProjects()).isEqualTo(PROJECTS).isEqualTo(projectsOf(report));

        new RunUndo(runs, instance -> client, Clock.systemUTC()).undo(report.runId());

        assertThat(configs(repos)).allSatisfy((p, b) -> assertThat(b).as(p.toString()).isEqualTo(before.get(p)));
        assertThat(keysOnProjects()).isZero();
    }

    @Test
    void a_cancel_leaves_every_repo_untouched_or_fully_converted() throws Exception {
        for (int i = 0; i < 24; i++) {
            make(i, Shape.PAT_IN_URL);
        }
        List<RepoInfo> repos = scan();
        Map<Path, byte[]> before = configs(repos);
        BulkConverter converter = converter(env());
        ConversionPreview preview = converter.preview(repos, SetupOptions.defaults(), 3, Progress.NONE);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        Progress cancelAfterFive = new Progress() {
            @Override
            public void update(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };

        ConversionReport report = converter.run(preview, consent(), 3, "cancel", cancelAfterFive, new BulkConverter.Listener() {
            @Override
            public void repoFinished(RepoOutcome outcome) {
                if (finished.incrementAndGet() == 5) {
                    cancelled.set(true);
                }
            }
        });

        assertThat(report.cancelled()).isTrue();
        assertThat(report.outcomes()).hasSize(24);
        long converted = report.count(RepoOutcome.Outcome.CONVERTED);
        assertThat(converted).isBetween(5L, 8L); // the ones in flight when the cancel came finish cleanly
        assertThat(report.count(RepoOutcome.Outcome.SKIPPED)).isEqualTo(24 - converted);
        for (RepoOutcome o : report.outcomes()) {
            RepoInfo now = new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(o.repo()), Progress.NONE).get(0);
            if (o.outcome() == RepoOutcome.Outcome.CONVERTED) {
                assertThat(now.status()).isEqualTo(RepoStatus.WIRED);
            } else {
                assertThat(Files.readAllBytes(now.gitDir().resolve("config"))).isEqualTo(before.get(o.repo()));
            }
        }
        assertThat(keysOnProjects()).isEqualTo(projectsOf(report));
    }

    @Test
    void under_5xx_and_rate_limits_every_repo_ends_converted_or_cleanly_failed_with_no_stray_keys() throws Exception {
        for (int i = 0; i < 24; i++) {
            make(i, Shape.PAT_IN_URL);
        }
        List<RepoInfo> repos = scan();
        Map<Path, byte[]> before = configs(repos);
        BulkConverter converter = converter(env());
        ConversionPreview preview = converter.preview(repos, SetupOptions.defaults(), 4, Progress.NONE);
        assertThat(preview.ready()).hasSize(24);

        server.setFaultSeed(7);
        server.setFailRate(0.25);
        server.setRateLimitPerMinute(600);
        ConversionReport report;
        try {
            report = converter.run(preview, consent(), 4, "faults", Progress.NONE, BulkConverter.Listener.NONE);
        } finally {
            server.setFailRate(0);
            server.setRateLimitPerMinute(0);
        }

        assertThat(report.outcomes()).hasSize(24);
        for (RepoOutcome o : report.outcomes()) {
            RepoInfo now = new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(o.repo()), Progress.NONE).get(0);
            if (o.outcome() == RepoOutcome.Outcome.CONVERTED) {
                assertThat(now.status()).isEqualTo(RepoStatus.WIRED);
            } else {
                assertThat(o.outcome()).isEqualTo(RepoOutcome.Outcome.FAILED);
                assertThat(o.reason()).isNotBlank();
                assertThat(Files.readAllBytes(now.gitDir().resolve("config"))).isEqualTo(before.get(o.repo()));
            }
        }
        assertThat(keysOnProjects()).as(report.outcomes().toString()).isEqualTo(projectsOf(report));
    }

    @Test
    void a_shared_key_is_one_key_enabled_on_every_project() throws Exception {
        for (int i = 0; i < PROJECTS; i++) {
            make(i, Shape.PAT_IN_URL);
        }
        List<RepoInfo> repos = scan();
        BulkConverter converter = converter(env());
        ConversionPreview preview = converter.preview(repos, SetupOptions.defaults().withSharedKey(true), 4, Progress.NONE);

        server.resetRequestCounts();
        ConversionReport report = converter.run(preview, consent(), 4, "shared", Progress.NONE, BulkConverter.Listener.NONE);

        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(PROJECTS);
        // The key this run generated cannot be on any project yet: no look-up before each POST (API economy).
        assertThat(server.requestCount("GET", "/projects/:id/deploy_keys")).as(server.requestCounts().toString()).isZero();
        List<String> fingerprints = new java.util.ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            List<DeployKey> keys = client.projectDeployKeys(project(i));
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).canPush()).isTrue();
            fingerprints.add(keys.get(0).fingerprintSha256());
        }
        assertThat(fingerprints).containsOnly(fingerprints.get(0));
        try (var files = Files.list(env().keyDir())) {
            assertThat(files.filter(f -> !f.toString().endsWith(".pub")).toList()).hasSize(1);
        }
    }

    @Test
    void tokens_nobody_uses_any_more_are_revoked_and_one_still_in_use_is_not() throws Exception {
        var w = server.world();
        String oldPat = w.createPersonalAccessToken("maria", "clone token", List.of("read_repository", "write_repository"), null);
        String keptPat = w.createPersonalAccessToken("maria", "other clone token", List.of("read_repository"), null);
        String deploy = w.createDeployToken(project(1), null, "pull", List.of("read_repository"), null);
        String deployUser = w.deployTokenUsername(deploy);
        Path a = make(0, Shape.PLAIN_HTTPS);
        Path b = make(1, Shape.PLAIN_HTTPS);
        Path c = make(2, Shape.PLAIN_HTTPS);
        Path notSelected = make(3, Shape.PLAIN_HTTPS);
        git.git(a, "remote", "set-url", "origin", http("oauth2:" + oldPat, project(0))).assertOk();
        git.git(b, "remote", "set-url", "origin", http(deployUser + ":" + deploy, project(1))).assertOk();
        git.git(c, "remote", "set-url", "origin", http("oauth2:" + keptPat, project(2))).assertOk();
        git.git(notSelected, "remote", "set-url", "origin", http("oauth2:" + keptPat, project(3))).assertOk();
        List<RepoInfo> all = scan();
        List<RepoInfo> selected = all.stream().filter(r -> !r.path().equals(notSelected)).toList();
        BulkConverter converter = converter(env());
        ConversionReport report = converter.run(converter.preview(selected, SetupOptions.defaults(), 2, Progress.NONE),
                consent(), 2, "revoke", Progress.NONE, BulkConverter.Listener.NONE);
        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(3);

        List<RepoInfo> converted = selected.stream().filter(r -> report.outcomes().stream()
                .anyMatch(o -> o.repo().equals(r.path()) && o.outcome() == RepoOutcome.Outcome.CONVERTED)).toList();
        List<TokenUse> uses = TokenCleanup.afterRun(converted, scan());
        assertThat(uses).hasSize(3);
        assertThat(uses.toString()).doesNotContain(oldPat).doesNotContain(keptPat).doesNotContain(deploy);
        TokenCleanup cleanup = new TokenCleanup((host, port) -> Optional.of(new GitLabConnections.GitLabConnection(server.url(), client)));
        List<TokenCleanup.Revocation> results = uses.stream().map(cleanup::revoke).toList();

        TokenCleanup.Revocation kept = results.stream().filter(r -> r.token().secret().reveal().equals(keptPat)).findFirst().orElseThrow();
        assertThat(kept.revoked()).isFalse();
        assertThat(kept.message()).contains("still used by " + new WorkspaceScanner(ScanOptions.defaults())
                .scan(List.of(workspace), Progress.NONE).stream().filter(r -> r.path().equals(notSelected)).findFirst().orElseThrow().relativePath());
        assertThat(results).filteredOn(TokenCleanup.Revocation::revoked).hasSize(2);
        try (GitLabClient asOld = GitLabClient.connect(server.url(), Secret.of(oldPat))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(asOld::personalAccessTokenSelf).isInstanceOf(dev.dkm.gitlab.GitLabException.class);
        }
        try (GitLabClient asKept = GitLabClient.connect(server.url(), Secret.of(keptPat))) {
            assertThat(asKept.personalAccessTokenSelf().revoked()).isFalse(); // works with any scope (15.5+)
        }
        assertThat(client.deployTokens(GitLabClient.Scope.PROJECT, project(1), true)).noneMatch(t -> deployUser.equals(t.username()));
    }
}
