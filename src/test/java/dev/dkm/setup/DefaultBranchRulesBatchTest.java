package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.Project;
import dev.dkm.gitlab.ProtectedBranch;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.PublicKeyLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GraphQL batch ({@link GitLabClient#defaultBranchRules}) against the REST check it replaces, over the real
 * sandbox and HTTP. GitLab source read for this (gitlabhq/gitlabhq): app/graphql/resolvers/projects_resolver.rb,
 * app/graphql/types/project_type.rb (branchRules), app/graphql/resolvers/projects/branch_rules_resolver.rb,
 * app/graphql/types/projects/branch_rule_type.rb, app/graphql/types/branch_rules/branch_protection_type.rb,
 * app/graphql/types/branch_protections/base_access_level_type.rb and push_access_level_type.rb (deployKey),
 * app/graphql/types/access_levels/deploy_key_type.rb, app/policies/protected_branch_policy.rb (read_protected_branch
 * = admin_project), app/models/concerns/protected_ref_access.rb and protected_ref_deploy_key_access.rb (humanize),
 * app/controllers/graphql_controller.rb, app/graphql/gitlab_schema.rb, lib/api/protected_branches.rb (the REST check:
 * {@code find_by!(name:)}, 404 when not protected, which misses wildcard rules; the list route, paged, is what the
 * check asks now), app/models/concerns/protected_ref.rb (matching, access_levels_for_ref: a push is checked against
 * every matching rule together), app/models/ref_matcher.rb ("*" matches any characters, "/" included).
 */
class DefaultBranchRulesBatchTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(String version) {
        var b = Sandbox.builder().dataDir(tmp.resolve("gitlab-" + version));
        server = (version == null ? b : b.gitlabVersion(version)).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        server.world().createGroup("g", "G", "private");
        server.world().addGroupMember("g", "maria", 40);
    }

    private Project project(String path) {
        return client.project(path);
    }

    /** The REST check: every rule of the project, the ones matching the default branch kept. */
    private List<ProtectedBranch> rest(Project p) {
        return ProtectedBranch.matching(client.protectedBranches(p.pathWithNamespace()), p.defaultBranch());
    }

    private static ProtectedBranchCheck check(Project p, List<ProtectedBranch> rules, Long keyId) {
        return ProtectedBranchCheck.evaluate(p.defaultBranch(), rules, p.accessLevel(), keyId);
    }

    @Test
    void the_batch_answers_as_the_rest_check_for_every_kind_of_protection() {
        start(null);
        var w = server.world();
        List<String> names = List.of("open", "maintainers", "developers", "noone", "noone-key", "maintainers-key",
                "star-noone", "wild-noone-exact-key", "release-wild");
        for (String name : names) {
            w.createProject("g/" + name, name, "private");
        }
        String keyLine = PublicKeyLines.ed25519("batch");
        int key = w.createDeployKey("g/noone-key", "ci key", keyLine, true, "maria", null);
        w.enableDeployKey("g/maintainers-key", key, true);
        w.protectBranch("g/maintainers", "main", 40);
        w.protectBranch("g/developers", "main", 30);
        w.protectBranch("g/noone", "main", 0);
        w.protectBranch("g/noone-key", "main", 0, key);
        w.protectBranch("g/maintainers-key", "main", 40, key);
        w.protectBranch("g/open", "release", 0); // another branch: main stays unprotected
        w.protectBranch("g/star-noone", "*", 0); // a wildcard alone protects main
        w.enableDeployKey("g/wild-noone-exact-key", key, true);
        w.protectBranch("g/wild-noone-exact-key", "ma*", 0);
        w.protectBranch("g/wild-noone-exact-key", "main", 0, key); // the two together: the key may push
        w.protectBranch("g/release-wild", "release/*", 0); // matches release/1.0, not main
        List<Project> projects = new ArrayList<>();
        for (String name : names) {
            projects.add(project("g/" + name));
        }
        server.resetRequestCounts();

        Map<Long, List<ProtectedBranch>> batch = client.defaultBranchRules(projects);

        assertThat(server.requestCounts()).containsOnlyKeys("POST /api/graphql").containsEntry("POST /api/graphql", 1L);
        assertThat(batch).hasSize(projects.size());
        for (Project p : projects) {
            List<ProtectedBranch> fromRest = rest(p);
            List<ProtectedBranch> fromBatch = batch.get(p.id());
            for (Long keyId : new Long[] {null, (long) key, 999L}) {
                assertThat(check(p, fromBatch, keyId).state()).as(p.pathWithNamespace() + " key " + keyId)
                        .isEqualTo(check(p, fromRest, keyId).state());
            }
        }
        // The cases the check is about, so an equal-but-wrong answer on both sides cannot pass unseen.
        assertThat(check(projects.get(0), batch.get(projects.get(0).id()), null).state())
                .isEqualTo(ProtectedBranchCheck.State.NOT_PROTECTED);
        assertThat(check(projects.get(3), batch.get(projects.get(3).id()), null).state())
                .isEqualTo(ProtectedBranchCheck.State.BLOCKS_KEY);
        assertThat(check(projects.get(4), batch.get(projects.get(4).id()), (long) key).state())
                .isEqualTo(ProtectedBranchCheck.State.ALLOWS_KEY);
        assertThat(batch.get(projects.get(4).id()).get(0).allowsDeployKeyToPush(key)).isTrue();
        // A wildcard alone protects main: blocked, and the message names the rule (the by-name look-up said "not protected").
        ProtectedBranchCheck star = check(projects.get(6), batch.get(projects.get(6).id()), (long) key);
        assertThat(star.state()).isEqualTo(ProtectedBranchCheck.State.BLOCKS_KEY);
        assertThat(star.detail()).startsWith("main is protected by the rule * and \"No one\" may push");
        assertThat(star.hasExactRule()).isFalse();
        // "ma*" (No one) and "main" (the key) together let the key push, as GitLab adds up the matching rules.
        ProtectedBranchCheck both = check(projects.get(7), batch.get(projects.get(7).id()), (long) key);
        assertThat(both.state()).isEqualTo(ProtectedBranchCheck.State.ALLOWS_KEY);
        assertThat(both.rules()).containsExactlyInAnyOrder("ma*", "main");
        assertThat(both.hasExactRule()).isTrue();
        assertThat(check(projects.get(7), batch.get(projects.get(7).id()), 999L).state())
                .isEqualTo(ProtectedBranchCheck.State.BLOCKS_KEY);
        assertThat(check(projects.get(8), batch.get(projects.get(8).id()), null).state())
                .isEqualTo(ProtectedBranchCheck.State.NOT_PROTECTED);
    }

    @Test
    void a_wildcard_after_a_hundred_other_rules_is_found_over_rest_in_two_pages() {
        start(null);
        var w = server.world();
        w.createProject("g/many", "many", "private");
        for (int i = 0; i < 120; i++) {
            w.protectBranch("g/many", String.format("other-%03d", i), 40);
        }
        w.protectBranch("g/many", "m*", 0); // the 121st rule: on the second page of 100
        Project p = project("g/many");
        server.resetRequestCounts();

        assertThat(client.defaultBranchRules(List.of(p))).as("more rules than the batch reads: left to REST").isEmpty();
        List<ProtectedBranch> matching = rest(p);

        assertThat(server.requestCount("GET", "/projects/:id/protected_branches")).isEqualTo(2);
        assertThat(matching).extracting(ProtectedBranch::name).containsExactly("m*");
        assertThat(check(p, matching, null).state()).isEqualTo(ProtectedBranchCheck.State.BLOCKS_KEY);
    }

    @Test
    void more_than_fifty_projects_are_asked_in_pages_of_fifty() {
        start(null);
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            server.world().createProject(String.format("g/p%03d", i), "p" + i, "private");
            if (i % 7 == 0) {
                server.world().protectBranch(String.format("g/p%03d", i), "main", 0);
            }
        }
        // as the bulk run's listing gives them (the base world's own projects left out)
        client.memberProjects(40, null).stream().filter(p -> p.pathWithNamespace().startsWith("g/")).forEach(projects::add);
        server.resetRequestCounts();

        Map<Long, List<ProtectedBranch>> batch = client.defaultBranchRules(projects);

        assertThat(server.requestCount("POST", "/api/graphql")).isEqualTo(3);
        assertThat(batch).hasSize(120);
        assertThat(batch.values().stream().filter(r -> !r.isEmpty()).count()).isEqualTo(18); // 0, 7, …, 119
    }

    @Test
    void what_graphql_cannot_tell_for_sure_is_left_to_rest() {
        start(null);
        var w = server.world();
        w.createGroup("other", "Other", "private");
        w.createProject("other/hidden", "hidden", "private"); // maria is no member: GitLab leaves it out
        w.createProject("g/dev-only", "dev-only", "private");
        w.createProject("g/unreadable-key", "unreadable-key", "private");
        w.createProject("g/open", "open", "private");
        w.addProjectMember("g/dev-only", "maria", 40);
        int foreignKey = w.createDeployKey(null, "someone else's key", PublicKeyLines.ed25519("foreign"),
                true, "root", null);
        w.protectBranch("g/unreadable-key", "main", 0, foreignKey); // the key is described by its title only
        long hiddenId = w.projectId("other/hidden");
        Project hidden = new Project(hiddenId, "hidden", "hidden", "other/hidden", "main", null, null, null, null, null);
        Project unborn = new Project(999_999L, "unborn", "unborn", "g/unborn", null, null, null, null, null, null);
        Project readable = project("g/unreadable-key");
        Project open = project("g/open");
        // More rules sorted before main than a page holds, and more "Allowed to push" entries than a page holds.
        w.createProject("g/many-rules", "many-rules", "private");
        for (int i = 0; i < 25; i++) {
            w.protectBranch("g/many-rules", String.format("a%02d", i), 40);
        }
        w.protectBranch("g/many-rules", "main", 0);
        w.createProject("g/many-entries", "many-entries", "private");
        int[] keys = new int[11];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = w.createDeployKey("g/many-entries", "k" + i, PublicKeyLines.ed25519("k" + i), true, "maria", null);
        }
        w.protectBranch("g/many-entries", "main", 0, keys);
        Project manyRules = project("g/many-rules");
        Project manyEntries = project("g/many-entries");

        Map<Long, List<ProtectedBranch>> batch = client.defaultBranchRules(
                List.of(hidden, unborn, readable, open, manyRules, manyEntries));

        assertThat(batch).containsOnlyKeys(open.id());
        assertThat(batch.get(open.id())).isEmpty();

        // A Developer sees the project but not its rules (read_protected_branch needs Maintainer): never "not protected".
        GitLabClient developer = GitLabClient.connect(server.url(), Secret.of(server.developerToken()));
        try {
            w.addGroupMember("g", "dave", 30);
            Project asDeveloper = developer.project("g/open");
            assertThat(asDeveloper.accessLevel()).isEqualTo(30);
            assertThat(developer.defaultBranchRules(List.of(open))).isEmpty();
        } finally {
            developer.close();
        }
    }

    @Test
    void a_failing_graphql_is_asked_once_and_then_left_alone() {
        start(null);
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            server.world().createProject(String.format("g/p%03d", i), "p" + i, "private");
        }
        client.memberProjects(40, null).stream().filter(p -> p.pathWithNamespace().startsWith("g/")).forEach(projects::add);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        server.failRequestsMatching(r -> r.startsWith("POST /api/graphql") && asked.incrementAndGet() > 0); // 500s

        assertThat(client.defaultBranchRules(projects)).isEmpty();
        assertThat(asked).hasValue(1); // not once per page: a GitLab that fails the first page is not asked again
    }

    @Test
    void an_older_gitlab_without_the_fields_or_without_graphql_answers_nothing() {
        for (String version : List.of("16.11", "15.0", "12.0")) {
            start(version);
            server.world().createProject("g/a", "a", "private");
            server.resetRequestCounts();
            assertThat(client.defaultBranchRules(List.of(project("g/a")))).as(version).isEmpty();
            assertThat(server.requestCount("POST", "/api/graphql")).as(version).isEqualTo(1);
            stop();
        }
        client = null;
        server = null;
    }

    @Test
    void by_full_path_the_answers_are_the_same_as_by_id_in_pages_of_fifty() {
        start(null);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String path = String.format("g/q%03d", i);
            server.world().createProject(path, "q" + i, "private");
            if (i % 5 == 0) {
                server.world().protectBranch(path, "main", i % 10 == 0 ? 0 : 40);
            }
            paths.add(i == 7 ? path.toUpperCase(java.util.Locale.ROOT) : path); // a remote may spell it in another case
        }
        List<Long> ids = paths.stream().map(p -> server.world().projectId(p.toLowerCase(java.util.Locale.ROOT))).map(Long::valueOf).toList();
        server.resetRequestCounts();

        Map<Long, dev.dkm.gitlab.BranchRules> byPath = client.branchRulesByPath(paths);
        assertThat(server.requestCount("POST", "/api/graphql")).isEqualTo(2);
        Map<Long, dev.dkm.gitlab.BranchRules> byId = client.branchRules(ids);

        assertThat(byPath).hasSize(60).isEqualTo(byId);
        for (int i = 0; i < 60; i++) {
            List<ProtectedBranch> main = byPath.get(ids.get(i)).of("main");
            assertThat(main).as("q%03d", i).isNotNull();
            assertThat(main.isEmpty()).isEqualTo(i % 5 != 0);
        }
        assertThat(byPath.get(ids.get(0)).of("develop")).as("not protected, and the list is complete").isEmpty();
    }

    @Test
    void before_16_6_neither_question_is_understood_and_nothing_is_guessed() {
        start("16.5");
        server.world().createProject("g/a", "a", "private");
        server.world().protectBranch("g/a", "main", 0);
        server.resetRequestCounts();
        assertThat(client.branchRulesByPath(List.of("g/a"))).isEmpty(); // "Field 'projects' doesn't accept argument 'fullPaths'"
        // (nor deployKey on its push access levels, which the sandbox gives from 17.5: by id it is refused too)
        assertThat(client.branchRules(List.of((long) server.world().projectId("g/a")))).isEmpty();
        assertThat(server.requestCount("POST", "/api/graphql")).isEqualTo(2);
    }
}
