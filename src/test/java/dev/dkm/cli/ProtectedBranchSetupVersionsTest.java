package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.ProtectedBranch;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code dkm setup} of a repository whose default branch is protected with "No one" may push, against a
 * sandbox pretending to be GitLab 16.11 and one at the current version, with the real git and OpenSSH.
 *
 * <p>GitLab's source: CE's ProtectedRefs::AccessLevelParams (app/services/protected_refs/access_level_params.rb, before
 * 17.5) reads only {@code push_access_level}, so {@code allowed_to_push[deploy_key_id]} is dropped and the PATCH still
 * answers 200; from 17.5 a deploy key can be named (ProtectedRefDeployKeyAccess, app/models/concerns/
 * protected_ref_deploy_key_access.rb) and the rule's other entries stay.
 */
class ProtectedBranchSetupVersionsTest {
    @TempDir Path tmp;
    SandboxServer server;
    IsolatedGit git;
    Map<String, String> env;
    AppDirs dirs;
    FileTokenStore tokens;

    void world(String gitlabVersion) throws Exception {
        Sandbox.Builder builder = Sandbox.builder().dataDir(tmp.resolve("gitlab"));
        if (gitlabVersion != null) {
            builder.gitlabVersion(gitlabVersion);
        }
        server = builder.start();
        git = new IsolatedGit(tmp);
        env = new HashMap<>(git.env());
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
        tokens = new FileTokenStore(dirs.credentialsFile(), "test");
        tokens.store(server.url(), Secret.of(server.maintainerToken()));
        server.world().protectBranch("acme/website", "main", 0); // "No one" may push
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
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

    private Path tokenClone(String project) throws Exception {
        Path repo = tmp.resolve("ws/website");
        Files.createDirectories(repo.getParent());
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git").assertOk();
        return repo;
    }

    private dev.dkm.testsupport.Processes.Result pushToMain(Path repo) throws Exception {
        Files.writeString(repo.resolve("pushed.txt"), "by a test\n");
        git.git(repo, "add", "pushed.txt").assertOk();
        git.git(repo, "commit", "-q", "-m", "push").assertOk();
        return git.git(repo, "push", "-q", "origin", "HEAD:main");
    }

    private ProtectedBranch rule() {
        try (GitLabClient c = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            return c.protectedBranch("acme/website", "main");
        }
    }

    @Test
    void on_gitlab_16_11_setup_says_what_that_version_allows_and_never_claims_success() throws Exception {
        world("16.11");
        Path repo = tokenClone("acme/website");

        Run plan = dkm("setup", repo.toString(), "--dry-run", "--allow-protected-push");
        assertThat(plan.out()).contains("GitLab 16.11 cannot name a deploy key in \"Allowed to push\"");

        Run run = dkm("setup", repo.toString(), "--yes", "--allow-protected-push", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).doesNotContain("Done:");
        assertThat(run.err()).contains("not complete")
                .contains("GitLab 16.11 cannot name a deploy key in \"Allowed to push\" (that came with 17.5)")
                .contains("pushes of this key to main will be refused");
        assertThat(rule().pushAccessLevels()).noneMatch(a -> a.deployKeyId() != null);
        dev.dkm.testsupport.Processes.Result push = pushToMain(repo);
        assertThat(push.exitCode()).as("GitLab refuses the push, as the sentence said").isNotZero();
        assertThat(push.stderr()).contains("not allowed to push code to protected branches");

        Run json = dkm("setup", repo.toString(), "--yes", "--json", "--allow-protected-push");
        JsonObject result = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(result.get("complete").getAsBoolean()).isFalse();
        assertThat(result.get("limitation").getAsString()).contains("GitLab 16.11");
    }

    @Test
    void on_the_current_gitlab_the_key_is_named_and_the_rule_keeps_its_roles() throws Exception {
        world(null);
        Path repo = tokenClone("acme/website");

        Run withoutGrant = dkm("setup", repo.toString(), "--dry-run");
        assertThat(withoutGrant.out()).contains("add --allow-protected-push");

        Run run = dkm("setup", repo.toString(), "--yes", "--allow-protected-push", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("named in \"Allowed to push\" on main").contains("Done:");
        ProtectedBranch rule = rule();
        assertThat(rule.pushAccessLevels()).anyMatch(a -> a.deployKeyId() != null)
                .as("the roles already there stay").anyMatch(a -> a.deployKeyId() == null && Integer.valueOf(0).equals(a.accessLevel()));
        assertThat(pushToMain(repo).exitCode()).isZero();
    }

    /**
     * A default branch protected only by a wildcard rule. GitLab's source: lib/api/protected_branches.rb (the by-name
     * route is {@code find_by!(name:)}: 404 for main under "ma*", which the old check took for "not protected"; POST
     * answers 409 for a name already protected; DELETE by exact name), app/models/concerns/protected_ref.rb and
     * app/models/ref_matcher.rb (every matching rule counts, "*" included, and their "Allowed to push" add up).
     */
    @Test
    void a_branch_protected_only_by_a_wildcard_is_blocked_then_opened_to_the_key_alone_and_undo_removes_that_rule()
            throws Exception {
        world(null);
        server.world().protectBranch("acme/handbook", "ma*", 0);
        Path repo = tokenClone("acme/handbook");

        Run plan = dkm("setup", repo.toString(), "--dry-run");
        assertThat(plan.out()).contains("main is protected by the rule ma* and \"No one\" may push")
                .contains("add --allow-protected-push for a rule for main by its own name");

        Run blocked = dkm("setup", repo.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(blocked.exit()).as(blocked.out() + blocked.err()).isEqualTo(3);
        assertThat(blocked.out() + blocked.err()).doesNotContain("Done:");
        dev.dkm.testsupport.Processes.Result refused = pushToMain(repo);
        assertThat(refused.exitCode()).as("GitLab refuses the push, as the setup said").isNotZero();
        assertThat(refused.stderr()).contains("not allowed to push code to protected branches");

        Run granted = dkm("setup", repo.toString(), "--yes", "--json", "--allow-protected-push");
        assertThat(granted.exit()).as(granted.out() + granted.err()).isZero();
        JsonObject result = JsonParser.parseString(granted.out()).getAsJsonObject();
        assertThat(granted.out()).contains("rule main created, where only deploy key #");
        try (GitLabClient c = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            Map<String, ProtectedBranch> rules = new HashMap<>();
            c.protectedBranches("acme/handbook").forEach(r -> rules.put(r.name(), r));
            assertThat(rules).containsOnlyKeys("ma*", "main");
            assertThat(rules.get("ma*").pushAccessLevels()).as("the wildcard is not widened")
                    .noneMatch(a -> a.deployKeyId() != null).allMatch(a -> Integer.valueOf(0).equals(a.accessLevel()));
            assertThat(rules.get("main").pushAccessLevels()).as("the key, and no role: Maintainers gain nothing")
                    .anyMatch(a -> a.deployKeyId() != null)
                    .allMatch(a -> a.deployKeyId() != null || Integer.valueOf(0).equals(a.accessLevel()));
        }
        git.git(repo, "reset", "-q", "--hard", "HEAD~1").assertOk();
        dev.dkm.testsupport.Processes.Result pushed = pushToMain(repo);
        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();

        // someone else's rule of another name stays; the run's own rule goes with undo
        server.world().protectBranch("acme/handbook", "release/*", 40);
        Run undo = dkm("undo", result.get("runId").getAsString());
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(undo.out()).contains("the protected-branch rule main this run created was removed");
        try (GitLabClient c = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            assertThat(c.protectedBranches("acme/handbook")).extracting(ProtectedBranch::name)
                    .containsExactlyInAnyOrder("ma*", "release/*");
        }
    }

    @Test
    void undo_leaves_a_rule_of_that_name_made_again_by_someone_else() throws Exception {
        world(null);
        server.world().protectBranch("acme/handbook", "*", 0);
        Path repo = tokenClone("acme/handbook");
        Run granted = dkm("setup", repo.toString(), "--yes", "--json", "--allow-protected-push", "--accept-host-key",
                server.hostKeyFingerprint());
        assertThat(granted.exit()).as(granted.out() + granted.err()).isZero();
        try (GitLabClient c = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            c.unprotectBranch("acme/handbook", "main"); // a Maintainer replaces the run's rule with their own
        }
        server.world().protectBranch("acme/handbook", "main", 40);

        Run undo = dkm("undo", JsonParser.parseString(granted.out()).getAsJsonObject().get("runId").getAsString());
        assertThat(undo.out()).contains("the protected-branch rule main on project").contains("kept");
        try (GitLabClient c = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            assertThat(c.protectedBranches("acme/handbook")).extracting(ProtectedBranch::name)
                    .containsExactlyInAnyOrder("*", "main");
        }
    }

    @Test
    void a_key_named_on_the_exact_rule_pushes_though_a_wildcard_rule_says_no_one() throws Exception {
        world(null);
        server.world().protectBranch("acme/website", "*", 0); // with the exact "main" (No one) of world()
        Path repo = tokenClone("acme/website");

        Run run = dkm("setup", repo.toString(), "--yes", "--allow-protected-push", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("named in \"Allowed to push\" on main").contains("Done:");
        assertThat(pushToMain(repo).exitCode()).as("the rules add up: the exact rule's key entry is enough").isZero();
    }
}
