package dev.dkm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.setup.DeployKeySetup;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.ProtectedBranchCheck;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlanner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk conversion asks GitLab's GraphQL for the default branches' protection, one request per 50 projects, instead
 * of {@code GET /projects/:id/protected_branches/:branch} per project (issue 16: ≤ 1 API call per repository with a
 * shared key), and falls back to the REST check, with the same answers, when GraphQL does not answer. Real git,
 * OpenSSH and the sandbox over HTTP. GitLab source read: app/graphql/resolvers/projects_resolver.rb,
 * app/graphql/types/project_type.rb and types/projects/branch_rule_type.rb, types/branch_protections/*,
 * app/controllers/graphql_controller.rb, lib/api/protected_branches.rb, lib/api/deploy_keys.rb (one enable per
 * project: the floor of one call per repository).
 */
class BulkConverterGraphQlTest {
    /** Above ProjectResolver.LIST_THRESHOLD (the listing, and so the GraphQL pass, starts there); two GraphQL pages. */
    private static final int PROJECTS = 60;

    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;
    Path workspace;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        var w = server.world();
        w.createGroup("many", "Many", "private");
        w.addGroupMember("many", "maria", 40);
        git = new IsolatedGit(tmp);
        workspace = Files.createDirectories(tmp.resolve("ws"));
        String withToken = server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@");
        for (int i = 0; i < PROJECTS; i++) {
            w.createProject(project(i), "P" + i, "private");
            Path repo = workspace.resolve(String.format("repo%02d", i));
            git.git(tmp, "clone", "-q", server.repoDir(project(i)).toString(), repo.toString()).assertOk();
            git.git(repo, "remote", "set-url", "origin", withToken + "/" + project(i) + ".git").assertOk();
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String project(int i) {
        return String.format("many/p%02d", i);
    }

    private List<RepoInfo> scan() {
        return new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(workspace), Progress.NONE);
    }

    private BulkConverter converter() {
        SshEnvironment env = new SshEnvironment(tmp.resolve("ssh/dkm"), tmp.resolve("ssh/known_hosts"), false, "bulk@box");
        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(10)));
        GitLabConnections connections = (host, port) -> "127.0.0.1".equals(host) && Integer.valueOf(server.httpPort()).equals(port)
                ? Optional.of(new GitLabConnections.GitLabConnection(server.url(), client)) : Optional.empty();
        return new BulkConverter(new SetupPlanner(env, hostKeys), new DeployKeySetup(hostKeys, new GitRunner("git", git.env(), 60),
                Clock.systemUTC()), connections, tmp.resolve("runs"), Clock.systemUTC());
    }

    private ConversionReport convert(SetupOptions options) throws Exception {
        BulkConverter converter = converter();
        ConversionPreview preview = converter.preview(scan(), options, 4, Progress.NONE);
        assertThat(preview.ready()).hasSize(PROJECTS);
        return converter.run(preview, HostKeyConsent.fingerprint(server.hostKeyFingerprint()), 4, "graphql", Progress.NONE,
                BulkConverter.Listener.NONE);
    }

    /** Calls other than the one registration each repository needs (GitLab enables a key on one project a call). */
    private long overhead() {
        return server.requestCount() - server.requestCount("POST", "/projects/:id/deploy_keys");
    }

    @Test
    void a_shared_key_costs_one_call_per_repository_plus_one_graphql_request_per_fifty() throws Exception {
        server.resetRequestCounts();
        ConversionReport report = convert(SetupOptions.defaults().withSharedKey(true));

        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(PROJECTS);
        Map<String, Long> calls = server.requestCounts();
        assertThat(calls).as(calls.toString()).doesNotContainKey("GET /projects/:id/protected_branches/:name").doesNotContainKey("GET /projects/:id/protected_branches")
                .containsEntry("POST /api/graphql", 2L).containsEntry("POST /projects/:id/deploy_keys", (long) PROJECTS);
        // 1 listing page + 1 version + 2 GraphQL pages: 1 + 4/60 = 1.07 calls a repository (was 2.02 with REST checks).
        assertThat(overhead()).as(calls.toString()).isEqualTo(4);
    }

    @Test
    void keys_of_their_own_cost_the_same() throws Exception {
        server.resetRequestCounts();
        ConversionReport report = convert(SetupOptions.defaults());

        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(PROJECTS);
        Map<String, Long> calls = server.requestCounts();
        assertThat(calls).as(calls.toString()).doesNotContainKey("GET /projects/:id/protected_branches/:name").doesNotContainKey("GET /projects/:id/protected_branches")
                .containsEntry("POST /api/graphql", 2L);
        assertThat(overhead()).as(calls.toString()).isEqualTo(4);
    }

    @Test
    void a_small_run_names_its_projects_by_path_and_still_checks_no_branch_over_rest() throws Exception {
        List<RepoInfo> ten = scan().stream().sorted(java.util.Comparator.comparing(r -> r.path().toString())).limit(10).toList();
        BulkConverter converter = converter();
        server.resetRequestCounts();
        ConversionPreview preview = converter.preview(ten, SetupOptions.defaults().withSharedKey(true), 4, Progress.NONE);
        ConversionReport report = converter.run(preview, HostKeyConsent.fingerprint(server.hostKeyFingerprint()), 4, "small",
                Progress.NONE, BulkConverter.Listener.NONE);

        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(10);
        Map<String, Long> calls = server.requestCounts();
        // 10 look-ups (too few projects for the listing) + 1 GraphQL request + 10 registrations + 1 version.
        assertThat(calls).as(calls.toString()).doesNotContainKey("GET /projects/:id/protected_branches/:name").doesNotContainKey("GET /projects/:id/protected_branches")
                .containsEntry("POST /api/graphql", 1L).containsEntry("GET /projects/:id", 10L);
        assertThat(overhead()).as(calls.toString()).isEqualTo(12);
    }

    @Test
    void when_graphql_fails_each_project_is_checked_over_rest_and_the_run_still_ends_right() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        server.failRequestsMatching(r -> r.startsWith("POST /api/graphql") && asked.incrementAndGet() > 0); // 500s
        server.resetRequestCounts();
        ConversionReport report = convert(SetupOptions.defaults().withSharedKey(true));

        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(PROJECTS);
        Map<String, Long> calls = server.requestCounts();
        assertThat(asked).hasValue(1); // asked once, then left alone
        assertThat(calls).as(calls.toString()).containsEntry("GET /projects/:id/protected_branches", (long) PROJECTS)
                .doesNotContainKey("GET /projects/:id/protected_branches/:name"); // the list: wildcards too
    }

    @Test
    void the_plans_say_the_same_about_protection_with_graphql_as_over_rest() {
        var w = server.world();
        w.protectBranch(project(1), "main", 0);
        w.protectBranch(project(2), "main", 30);
        w.protectBranch(project(3), "main", 40);
        int key = w.createDeployKey(project(4), "deployer", dev.dkm.testsupport.PublicKeyLines.ed25519("d"), true,
                "maria", null);
        w.protectBranch(project(4), "main", 0, key);
        w.protectBranch(project(7), "ma*", 0); // a wildcard alone: blocked both ways
        w.protectBranch(project(8), "*", 40); // a wildcard and the exact name together
        w.protectBranch(project(8), "main", 0);
        w.createGroup("elsewhere", "Elsewhere", "private");
        for (SetupOptions options : List.of(SetupOptions.defaults(), SetupOptions.defaults().withSharedKey(true))) {
            server.resetRequestCounts();
            Map<String, String> viaGraphQl = protection(converter().preview(scan(), options, 4, Progress.NONE));
            assertThat(server.requestCount("GET", "/projects/:id/protected_branches/:name")).isZero();
            assertThat(server.requestCount("GET", "/projects/:id/protected_branches")).isZero();

            server.failRequestsMatching(r -> r.startsWith("POST /api/graphql"));
            Map<String, String> viaRest = protection(converter().preview(scan(), options, 4, Progress.NONE));
            server.failRequestsMatching(null);

            assertThat(viaGraphQl).hasSize(PROJECTS).isEqualTo(viaRest);
            assertThat(viaGraphQl.get("repo01")).startsWith(ProtectedBranchCheck.State.BLOCKS_KEY.name());
            assertThat(viaGraphQl.get("repo03")).startsWith(ProtectedBranchCheck.State.ALLOWS_KEY.name());
            assertThat(viaGraphQl.get("repo05")).startsWith(ProtectedBranchCheck.State.NOT_PROTECTED.name());
            assertThat(viaGraphQl.get("repo07")).startsWith(ProtectedBranchCheck.State.BLOCKS_KEY.name())
                    .contains("protected by the rule ma*");
            assertThat(viaGraphQl.get("repo08")).startsWith(ProtectedBranchCheck.State.ALLOWS_KEY.name())
                    .contains("protected by the rules");
        }
    }

    private static Map<String, String> protection(ConversionPreview preview) {
        return preview.items().stream().filter(i -> i.plan() != null).collect(Collectors.toMap(
                i -> i.repo().path().getFileName().toString(),
                i -> i.plan().protectedBranch().state() + " " + i.plan().protectedBranch().detail()));
    }
}
