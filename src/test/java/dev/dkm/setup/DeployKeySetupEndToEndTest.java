package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.deploykeys.ServerKeyStatusLookup;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.RunUndo;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.Processes;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-click setup against the sandbox GitLab with the real git and OpenSSH: a repository cloned with a personal
 * access token in its HTTPS URL ends up pushing over SSH with its own deploy key — or, when any step fails, exactly
 * as it was, with no stray deploy key on GitLab.
 */
class DeployKeySetupEndToEndTest {
    @TempDir static Path shared;
    static SandboxServer server;
    static GitLabClient client;

    @TempDir Path tmp;
    IsolatedGit git;
    SshEnvironment env;
    HostKeyVerifier hostKeys;
    DeployKeySetup setup;
    SetupPlanner planner;
    Path runs;

    @BeforeAll
    static void startSandbox() {
        server = Sandbox.builder().dataDir(shared.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
    }

    @AfterAll
    static void stopSandbox() {
        client.close();
        server.close();
    }

    @BeforeEach
    void environment() throws Exception {
        git = new IsolatedGit(tmp);
        env = new SshEnvironment(tmp.resolve("ssh/dkm"), tmp.resolve("ssh/known_hosts"), false, "tester@box");
        hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(10)));
        planner = new SetupPlanner(env, hostKeys);
        setup = new DeployKeySetup(hostKeys, new GitRunner("git", git.env(), 60), Clock.systemUTC());
        runs = tmp.resolve("runs");
    }

    /** A clone whose origin is {@code http://oauth2:<PAT>@host/project.git}, like the ones people have today. */
    private RepoInfo tokenClone(String project, String dir) throws Exception {
        Path repo = tmp.resolve(dir);
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        String tokenUrl = server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git";
        git.git(repo, "remote", "set-url", "origin", tokenUrl).assertOk();
        return scan(repo);
    }

    private RepoInfo scan(Path repo) {
        return new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(repo), Progress.NONE).get(0);
    }

    private SetupResult run(SetupPlan plan, HostKeyConsent consent, SetupListener listener) throws Exception {
        String runId = RunJournal.newRunId(java.time.Instant.now());
        try (dev.dkm.journal.RunLedger ledger = dev.dkm.journal.RunLedger.open(runs, runId)) {
            return setup.apply(plan, client, consent, ledger, listener);
        }
    }

    private HostKeyConsent sandboxHostKey() {
        return HostKeyConsent.fingerprint(server.hostKeyFingerprint());
    }

    private static List<DeployKey> keysOf(String project) {
        return client.projectDeployKeys(project);
    }

    @Test
    void a_token_clone_ends_up_pushing_over_ssh_with_its_own_deploy_key() throws Exception {
        RepoInfo repo = tokenClone("acme/website", "website");
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);

        SetupPlan plan = planner.plan(repo, client, server.url(), SetupOptions.defaults());
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.generateKey()).isTrue();
        assertThat(plan.hostKey().state()).isEqualTo(HostKeyStatus.State.UNKNOWN);
        assertThat(String.join("\n", plan.describe())).doesNotContain(server.maintainerToken())
                .contains("remote.origin.url: http://oauth2:glpat-…").contains("→ " + server.sshUrl("acme/website"));

        List<SetupStep> ticked = new ArrayList<>();
        SetupResult result = run(plan, sandboxHostKey(), new SetupListener() {
            @Override
            public void finished(StepOutcome outcome) {
                ticked.add(outcome.step());
            }
        });

        assertThat(result.success()).as(result.failure()).isTrue();
        assertThat(ticked).containsExactly(SetupStep.values());
        Path config = repo.gitDir().resolve("config");
        assertThat(Files.readString(config)).doesNotContain(server.maintainerToken()).contains("IdentitiesOnly=yes");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan.keyFile()))).isEqualTo("rw-------");
        DeployKey onGitLab = client.projectDeployKey("acme/website", result.deployKeyId());
        assertThat(onGitLab.canPush()).isTrue();
        assertThat(onGitLab.title()).isEqualTo("dkm tester@box acme/website");

        // The proof that matters: a real push of a new commit through the wired core.sshCommand.
        Files.writeString(repo.path().resolve("pushed.txt"), "over ssh\n");
        git.git(repo.path(), "add", "pushed.txt").assertOk();
        git.git(repo.path(), "commit", "-q", "-m", "pushed over ssh").assertOk();
        git.git(repo.path(), "push", "-q", "origin", "HEAD:main").assertOk();
        String local = git.git(repo.path(), "rev-parse", "HEAD").assertOk().stdout().strip();
        String remote = git.git(tmp, "--git-dir", server.repoDir("acme/website").toString(), "rev-parse", "main").assertOk().stdout().strip();
        assertThat(remote).isEqualTo(local);

        assertThat(scan(repo.path()).status()).isEqualTo(RepoStatus.WIRED);
    }

    @Test
    void running_it_twice_changes_nothing_the_second_time() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/infra", "infra");
        assertThat(run(planner.plan(repo, client, server.url(), SetupOptions.defaults()), sandboxHostKey(), SetupListener.NONE).success()).isTrue();
        byte[] configAfterFirst = Files.readAllBytes(repo.gitDir().resolve("config"));
        int keysAfterFirst = keysOf("acme/platform/infra").size();

        SetupPlan again = planner.plan(scan(repo.path()), client, server.url(), SetupOptions.defaults());
        assertThat(again.alreadyDone()).as(String.join("\n", again.describe())).isTrue();
        SetupResult second = run(again, HostKeyConsent.REFUSE, SetupListener.NONE);

        assertThat(second.success()).as(second.failure()).isTrue();
        assertThat(second.steps()).filteredOn(s -> s.step() != SetupStep.VERIFY)
                .allMatch(s -> s.status() == StepOutcome.Status.SKIPPED);
        assertThat(Files.readAllBytes(repo.gitDir().resolve("config"))).isEqualTo(configAfterFirst);
        assertThat(keysOf("acme/platform/infra")).hasSize(keysAfterFirst);
    }

    @Test
    void a_read_only_key_fetches_and_a_push_is_refused_with_the_reason() throws Exception {
        RepoInfo repo = tokenClone("acme/handbook", "handbook");
        SetupResult result = run(planner.plan(repo, client, server.url(), SetupOptions.defaults().withReadOnly(true)),
                sandboxHostKey(), SetupListener.NONE);
        assertThat(result.success()).as(result.failure()).isTrue();
        assertThat(client.projectDeployKey("acme/handbook", result.deployKeyId()).canPush()).isFalse();

        git.git(repo.path(), "fetch", "-q", "origin").assertOk();
        Files.writeString(repo.path().resolve("nope.txt"), "x\n");
        git.git(repo.path(), "add", "nope.txt").assertOk();
        git.git(repo.path(), "commit", "-q", "-m", "should not land").assertOk();
        Processes.Result push = git.git(repo.path(), "push", "origin", "HEAD:main");
        assertThat(push.exitCode()).isNotZero();
        assertThat(GitErrorExplainer.explain(push.stderr()).cause()).isEqualTo(GitErrorExplainer.Cause.READ_ONLY_KEY);
    }

    @Test
    void an_unknown_host_key_without_consent_stops_before_anything_changes() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-no-consent");
        byte[] original = Files.readAllBytes(repo.gitDir().resolve("config"));
        SetupPlan plan = planner.plan(repo, client, server.url(), SetupOptions.defaults());

        SetupResult result = run(plan, HostKeyConsent.REFUSE, SetupListener.NONE);

        assertThat(result.success()).isFalse();
        assertThat(result.failure()).contains(server.hostKeyFingerprint()).contains("not confirmed");
        assertThat(Files.readAllBytes(repo.gitDir().resolve("config"))).isEqualTo(original);
        assertThat(plan.keyFile()).doesNotExist();
        assertThat(Files.exists(env.knownHosts())).isFalse();
    }

    @Test
    void a_failure_to_generate_the_key_leaves_everything_as_it_was() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-generate");
        Files.createDirectories(env.keyDir().getParent());
        Files.writeString(env.keyDir(), "a file where the key directory should be");
        assertRolledBack(repo, null);
    }

    @Test
    void a_failure_to_register_leaves_everything_as_it_was() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-register");
        assertRolledBack(repo, new SetupListener() {
            @Override
            public void started(SetupStep step) {
                if (step == SetupStep.REGISTER) {
                    server.setFailRate(1.0); // every call answers 500 from here on
                }
            }
        });
    }

    @Test
    void a_failure_to_wire_removes_the_deploy_key_it_added() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-wire");
        assertRolledBack(repo, new SetupListener() {
            @Override
            public void started(SetupStep step) {
                if (step == SetupStep.WIRE) {
                    try {
                        Files.writeString(repo.gitDir().resolve("config.lock"), "someone else is writing"); // git holds the lock
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
        Files.delete(repo.gitDir().resolve("config.lock"));
    }

    @Test
    void a_failed_verification_restores_the_config_byte_for_byte_and_removes_the_key() throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-verify");
        SetupResult result = assertRolledBack(repo, new SetupListener() {
            @Override
            public void finished(StepOutcome outcome) {
                if (outcome.step() == SetupStep.WIRE) {
                    // Someone makes the key read-only on GitLab between registration and verification.
                    DeployKey key = client.findProjectDeployKey("acme/platform/api", publicKeyOf(repo)).orElseThrow();
                    client.updateDeployKey("acme/platform/api", key.id(), null, false);
                }
            }
        });
        assertThat(result.cause()).isEqualTo(GitErrorExplainer.Cause.READ_ONLY_KEY);
        assertThat(result.failure()).contains("read-only");
    }

    /**
     * The push handshake goes where git resolves the remote for fetching, a push to every URL it resolves for pushing:
     * a rule in the global config that sends either elsewhere than the wired URL ({@code insteadOf}: both,
     * {@code pushInsteadOf}: pushes only) fails the verification (and rolls everything back), whatever the handshake
     * would have said.
     */
    @ParameterizedTest
    @ValueSource(strings = {"insteadOf", "pushInsteadOf"})
    void a_rule_in_the_global_config_that_sends_the_remote_elsewhere_fails_the_verification(String rule) throws Exception {
        RepoInfo repo = tokenClone("acme/platform/api", "api-" + rule);
        SetupResult result = assertRolledBack(repo, afterWiring(repo.path(), wired -> git.git(tmp, "config", "--global",
                "url.ssh://git@mirror.example/." + rule, wired).assertOk()));
        assertThat(result.failure()).contains("git still resolves origin to another URL").contains("ssh://git@mirror.example/");
    }

    /** A push goes to every push URL: one after the wired one (from an included file) must fail it too, not only the first. */
    @Test
    void a_second_push_url_from_an_included_file_fails_the_verification() throws Exception {
        RepoInfo cloned = tokenClone("acme/platform/api", "api-two-pushurls");
        String tokenUrl = git.git(cloned.path(), "remote", "get-url", "origin").assertOk().stdout().strip();
        git.git(cloned.path(), "config", "remote.origin.pushurl", tokenUrl).assertOk();
        Path extra = Files.writeString(tmp.resolve("mirror.config"), "[remote \"origin\"]\n\tpushurl = https://mirror.example/api.git\n");
        git.git(cloned.path(), "config", "include.path", extra.toString()).assertOk();
        SetupResult result = assertRolledBack(scan(cloned.path()), SetupListener.NONE);
        assertThat(result.failure()).contains("git still resolves origin to another URL").contains("https://mirror.example/api.git");
    }

    /**
     * A remote whose name is the wired one's plus a tab makes {@code git remote -v} ambiguous about it: the check falls
     * back to asking {@code git remote get-url} (fetch, then every push URL) and the setup still succeeds.
     */
    @Test
    void a_listing_ambiguous_about_the_remote_falls_back_to_get_url_and_still_verifies() throws Exception {
        RepoInfo cloned = tokenClone("acme/website", "website-ambiguous");
        Files.writeString(cloned.gitDir().resolve("config"), "[remote \"origin\tmirror\"]\n\turl = https://mirror.example/w.git\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(ResolvedRemote.parse(git.git(cloned.path(), "remote", "-v").assertOk().stdout(), "origin")).isNull();
        SetupResult result = run(planner.plan(scan(cloned.path()), client, server.url(), SetupOptions.defaults()), sandboxHostKey(),
                SetupListener.NONE);
        assertThat(result.success()).as(result.failure()).isTrue();
        assertThat(git.git(cloned.path(), "remote", "get-url", "--push", "--all", "origin").assertOk().stdout().strip())
                .isEqualTo(server.sshUrl("acme/website"));
    }

    private interface GitStep {
        void run(String wiredUrl) throws Exception;
    }

    /** A listener that, once the config of {@code repo} is wired, runs {@code step} with the URL it wired. */
    private SetupListener afterWiring(Path repo, GitStep step) {
        return new SetupListener() {
            @Override
            public void finished(StepOutcome outcome) {
                if (outcome.step() == SetupStep.WIRE) {
                    try {
                        step.run(git.git(repo, "config", "remote.origin.url").assertOk().stdout().strip());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }

    @Test
    void undo_after_success_restores_the_config_and_removes_the_key() throws Exception {
        RepoInfo repo = tokenClone("acme/website", "website-undo");
        byte[] original = Files.readAllBytes(repo.gitDir().resolve("config"));
        SetupResult result = run(planner.plan(repo, client, server.url(), SetupOptions.defaults()), sandboxHostKey(), SetupListener.NONE);
        assertThat(result.success()).as(result.failure()).isTrue();

        new RunUndo(runs, instance -> client, Clock.systemUTC()).undo(result.runId());

        assertThat(Files.readAllBytes(repo.gitDir().resolve("config"))).isEqualTo(original);
        assertThat(keysOf("acme/website")).noneMatch(k -> k.id().equals(result.deployKeyId()));
    }

    @Test
    void the_table_join_shows_which_repos_have_their_key_enabled_on_gitlab() throws Exception {
        RepoInfo wired = tokenClone("acme/website", "join-wired");
        assertThat(run(planner.plan(wired, client, server.url(), SetupOptions.defaults().withReadOnly(true)),
                sandboxHostKey(), SetupListener.NONE).success()).isTrue();
        RepoInfo token = tokenClone("acme/website", "join-token");
        Path other = Files.createDirectories(tmp.resolve("join-other"));
        git.git(other, "init", "-q").assertOk();
        git.git(other, "remote", "add", "origin", "git@gitlab.example.com:group/app.git").assertOk();
        RepoInfo elsewhere = scan(other);
        List<RepoInfo> repos = List.of(scan(wired.path()), token, elsewhere);
        dev.dkm.gitlab.GitLabConnections connections = (host, port) -> "127.0.0.1".equals(host)
                ? java.util.Optional.of(new dev.dkm.gitlab.GitLabConnections.GitLabConnection(server.url(), client)) : java.util.Optional.empty();
        server.resetRequestCounts();

        var status = new ServerKeyStatusLookup(connections, 4).lookup(repos, Progress.NONE);

        assertThat(status.get(wired.path()).state()).isEqualTo(ServerKeyStatus.State.ENABLED);
        assertThat(status.get(wired.path()).canPush()).isFalse();
        assertThat(status.get(token.path()).state()).isEqualTo(ServerKeyStatus.State.NO_KEY);
        assertThat(status.get(elsewhere.path()).state()).isEqualTo(ServerKeyStatus.State.NO_INSTANCE);
        assertThat(status.get(elsewhere.path()).detail()).isEqualTo("no GitLab instance configured for gitlab.example.com");
        assertThat(server.requestCount()).as(server.requestCounts().toString()).isEqualTo(1); // one listing for the shared project
    }

    /** The public half of the per-repository key the planner picks for acme/platform/api. */
    private String publicKeyOf(RepoInfo repo) {
        try {
            // <host>_<port>_<project path>_<project id>.pub (KeyChoice)
            try (var keys = Files.list(env.keyDir())) {
                Path pub = keys.filter(p -> p.getFileName().toString().matches("127\\.0\\.0\\.1_\\d+_acme_platform_api_\\d+\\.pub"))
                        .findFirst().orElseThrow();
                return Files.readString(pub);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a setup that must fail, then checks the repository and GitLab are exactly as before. */
    private SetupResult assertRolledBack(RepoInfo repo, SetupListener saboteur) throws Exception {
        byte[] original = Files.readAllBytes(repo.gitDir().resolve("config"));
        List<Long> keysBefore = keysOf("acme/platform/api").stream().map(DeployKey::id).toList();
        SetupPlan plan = planner.plan(repo, client, server.url(), SetupOptions.defaults());

        SetupResult result;
        try {
            result = run(plan, sandboxHostKey(), saboteur == null ? SetupListener.NONE : saboteur);
        } finally {
            server.setFailRate(0);
        }

        assertThat(result.success()).isFalse();
        assertThat(result.failure()).isNotBlank();
        assertThat(Files.readAllBytes(repo.gitDir().resolve("config"))).isEqualTo(original);
        assertThat(keysOf("acme/platform/api").stream().map(DeployKey::id).toList()).isEqualTo(keysBefore);
        return result;
    }
}
