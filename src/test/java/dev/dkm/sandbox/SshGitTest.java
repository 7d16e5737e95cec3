package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.sandbox.GitCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH git end to end: real git, real OpenSSH, keys registered through the REST API. */
class SshGitTest {
    @TempDir
    static Path tmp;
    static SandboxServer server;
    static SandboxHttp http;
    static GitCli git;

    @BeforeAll
    static void start() {
        server = Sandbox.builder().dataDir(tmp.resolve("data")).start();
        http = new SandboxHttp(server.apiUrl());
        git = new GitCli(tmp.resolve("home"), server.knownHostsLine());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int registerDeployKey(String project, Path key, boolean canPush) {
        String encoded = project.replace("/", "%2F");
        SandboxHttp.Answer a = http.post("/projects/" + encoded + "/deploy_keys", server.maintainerToken(),
                DeployKeyRestTest.body(key.getFileName().toString(), git.publicKey(key), canPush));
        assertThat(a.status()).isEqualTo(201);
        return a.json().getAsJsonObject().get("id").getAsInt();
    }

    static Path cloneOf(String project, Path key, String dirName) {
        Path dir = tmp.resolve(dirName);
        Result r = git.git(tmp, key, "clone", server.sshUrl(project), dir.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        return dir;
    }

    static Result commitAndPush(Path repo, Path key, String branch) throws IOException {
        Files.writeString(repo.resolve("change-" + System.nanoTime() + ".txt"), "change\n");
        assertThat(git.git(repo, key, "add", "-A").exitCode()).isZero();
        assertThat(git.git(repo, key, "commit", "-q", "-m", "change").exitCode()).isZero();
        return git.git(repo, key, "push", "origin", "HEAD:" + branch);
    }

    @Test
    void readWriteDeployKeyClonesAndPushes() throws IOException {
        Path key = git.newKey("rw");
        registerDeployKey("acme/website", key, true);
        Path repo = cloneOf("acme/website", key, "rw-clone");
        assertThat(repo.resolve("README.md")).exists();
        Result push = commitAndPush(repo, key, "main");
        assertThat(push.exitCode()).as(push.output()).isZero();
        Result head = git.run(repo, null, "git", "rev-parse", "HEAD");
        Result remote = git.run(tmp, null, "git", "--git-dir", server.repoDir("acme/website").toString(), "rev-parse", "main");
        assertThat(remote.output()).isEqualTo(head.output());
    }

    @Test
    void readOnlyDeployKeyFetchesButCannotPush() throws IOException {
        Path key = git.newKey("ro");
        registerDeployKey("acme/handbook", key, false);
        Path repo = cloneOf("acme/handbook", key, "ro-clone");
        Result push = commitAndPush(repo, key, "main");
        assertThat(push.exitCode()).isNotZero();
        assertThat(push.output()).contains("ERROR: " + GitAccessPolicy.DEPLOY_KEY_READ_ONLY);
    }

    @Test
    void protocolV2Works() {
        Path key = git.newKey("v2");
        registerDeployKey("acme/platform/infra", key, false);
        Result r = git.gitWithEnv(java.util.Map.of("GIT_TRACE_PACKET", "1"), tmp, key,
                "-c", "protocol.version=2", "ls-remote", server.sshUrl("acme/platform/infra"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("refs/heads/main").contains("< version 2");
    }

    @Test
    void expiredDeployKeyIsRefused() {
        Path key = git.newKey("expired");
        server.world().createDeployKey("acme/website", "expired", git.publicKey(key), true, "maria",
                java.time.Instant.now().minusSeconds(60));
        Result r = git.git(tmp, key, "ls-remote", server.sshUrl("acme/website"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains(GitAccessPolicy.KEY_EXPIRED);
    }

    @Test
    void sshDashTGreetsLikeGitLab() {
        Path key = git.newKey("greet");
        server.world().addUserSshKey("maria", "maria laptop", git.publicKey(key));
        Result r = git.run(tmp, null, "ssh", "-T", "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + tmp.resolve("home/known_hosts"), "-F", "/dev/null", "-o", "BatchMode=yes",
                "-p", String.valueOf(server.sshPort()), "git@127.0.0.1");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Welcome to GitLab, @maria!");
    }

    @Test
    void unknownKeyIsRefusedAtLogin() {
        Path key = git.newKey("stranger");
        Result r = git.git(tmp, key, "ls-remote", server.sshUrl("acme/website"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Permission denied (publickey)");
    }

    @Test
    void keyNotEnabledOnTheProjectSeesNoProject() {
        Path key = git.newKey("elsewhere");
        registerDeployKey("acme/website", key, true);
        Result r = git.git(tmp, key, "ls-remote", server.sshUrl("acme/platform/api"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains(GitAccessPolicy.PROJECT_NOT_FOUND);
        Result escape = git.git(tmp, key, "ls-remote", "ssh://git@127.0.0.1:" + server.sshPort() + "/../data/repos/acme/website.git");
        assertThat(escape.exitCode()).isNotZero();
    }

    @Test
    void protectedBranchNoOneBlocksDeployKeysUnlessNamed() throws IOException {
        Path blocked = git.newKey("pb-blocked");
        Path named = git.newKey("pb-named");
        registerDeployKey("acme/platform/api", blocked, true);
        int namedId = registerDeployKey("acme/platform/api", named, true);
        server.world().protectBranch("acme/platform/api", "main", 0, namedId);

        Path repo = cloneOf("acme/platform/api", blocked, "pb-blocked-clone");
        Result refused = commitAndPush(repo, blocked, "main");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains(GitAccessPolicy.PROTECTED_PUSH);
        assertThat(commitAndPush(repo, blocked, "feature").exitCode()).isZero();

        Path repo2 = cloneOf("acme/platform/api", named, "pb-named-clone");
        Result allowed = commitAndPush(repo2, named, "main");
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();
    }

    // GitLab's source, read for these two tests (gitlabhq/gitlabhq): app/models/concerns/protected_ref.rb (a push is
    // checked against access_levels_for_ref = matching(ref).flat_map(push_access_levels), allowed when ANY admits the
    // actor), app/models/ref_matcher.rb and protected_ref_matcher.rb ("*" is ".*?" anchored \A..\z, so it matches
    // "/" too; otherwise the exact name), app/models/protected_branch.rb (protected? = matching(...).present?;
    // allow_force_push? = any matching rule allowing it), lib/gitlab/user_access.rb (can_push_to_branch?) and
    // lib/gitlab/deploy_key_access.rb (a deploy key is checked as its owner, through can_push_to_branch?).

    @Test
    void aWildcardRuleAndAnExactRuleAreCheckedTogether() throws IOException {
        server.world().createProject("acme/wild-exact", "wild-exact", "private");
        Path blocked = git.newKey("we-blocked");
        Path named = git.newKey("we-named");
        registerDeployKey("acme/wild-exact", blocked, true);
        int namedId = registerDeployKey("acme/wild-exact", named, true);
        // the wildcard first: a check that stops at the first matching rule would refuse the named key
        server.world().protectBranch("acme/wild-exact", "ma*", 0);
        server.world().protectBranch("acme/wild-exact", "main", 0, namedId);

        Path repo = cloneOf("acme/wild-exact", named, "we-named-clone");
        Result allowed = commitAndPush(repo, named, "main");
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();

        Path repo2 = cloneOf("acme/wild-exact", blocked, "we-blocked-clone");
        Result refused = commitAndPush(repo2, blocked, "main");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains(GitAccessPolicy.PROTECTED_PUSH);
        // "ma*" alone protects "master/x" ("*" spans "/"): refused there too; a branch it does not match is open
        Result slash = commitAndPush(repo2, blocked, "master/x");
        assertThat(slash.exitCode()).isNotZero();
        assertThat(slash.output()).contains(GitAccessPolicy.PROTECTED_PUSH);
        Result open = commitAndPush(repo2, blocked, "feature");
        assertThat(open.exitCode()).as(open.output()).isZero();
    }

    @Test
    void aStarRuleAllowingDevelopersOpensAMaintainersOnlyBranch() throws IOException {
        server.world().createProject("acme/star-dev", "star-dev", "private");
        Path daveKey = git.newKey("star-dave");
        server.world().addUserSshKey("dave", "dave star", git.publicKey(daveKey));
        server.world().protectBranch("acme/star-dev", "main", SandboxState.MAINTAINER);
        Path repo = cloneOf("acme/star-dev", daveKey, "star-dave-clone");
        Result refused = commitAndPush(repo, daveKey, "main");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains(GitAccessPolicy.PROTECTED_PUSH);

        server.world().protectBranch("acme/star-dev", "*", SandboxState.DEVELOPER);
        git.run(repo, null, "git", "reset", "-q", "--hard", "origin/main");
        Result allowed = commitAndPush(repo, daveKey, "main");
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();
    }

    @Test
    void maintainerRuleFollowsTheKeyCreator() throws IOException {
        // Created by maria (Maintainer): may push to a Maintainers-protected branch, until she is blocked.
        Path key = git.newKey("creator");
        registerDeployKey("acme/platform/infra", key, true);
        server.world().protectBranch("acme/platform/infra", "main", 40);
        Path repo = cloneOf("acme/platform/infra", key, "creator-clone");
        Result ok = commitAndPush(repo, key, "main");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        server.world().blockUser("maria");
        try {
            Result refused = commitAndPush(repo, key, "main");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains(GitAccessPolicy.PROTECTED_PUSH);
        } finally {
            server.world().unblockUser("maria");
        }
    }

    @Test
    void usersPushWithTheirOwnKeysByRole() throws IOException {
        Path daveKey = git.newKey("dave");
        server.world().addUserSshKey("dave", "dave laptop", git.publicKey(daveKey));
        Path repo = cloneOf("acme/website", daveKey, "dave-clone");
        Result push = commitAndPush(repo, daveKey, "dave-branch");
        assertThat(push.exitCode()).as(push.output()).isZero();
        Result secret = git.git(tmp, daveKey, "ls-remote", server.sshUrl("secret/vault"));
        assertThat(secret.output()).contains(GitAccessPolicy.PROJECT_NOT_FOUND);

        Path bobKey = git.newKey("bob");
        server.world().addUserSshKey("bob", "bob laptop", git.publicKey(bobKey));
        Result bob = git.git(tmp, bobKey, "ls-remote", server.sshUrl("acme/website"));
        assertThat(bob.exitCode()).isNotZero();
        assertThat(bob.output()).contains(GitAccessPolicy.ACCOUNT_BLOCKED);
    }
}
