package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigChange;
import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.gitlab.BranchRules;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.Project;
import dev.dkm.gitlab.ProtectedBranch;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.remote.RemoteUrl;
import dev.dkm.remote.RemoteUrlParser;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1 of a setup: reads the repository, GitLab and the host key, and writes down what would change. Changes
 * nothing anywhere. API calls: one to resolve the project, one to list its deploy keys when the key already exists,
 * one for the default branch's protection (none when {@link #knowBranchRules} told it already).
 */
public final class SetupPlanner {
    private static final int MAINTAINER = 40;

    private final AccountSide side;
    // A planner lives for one operation (a setup, a bulk run): many repositories share a project. Per "instance id":
    // the rules GraphQL told in bulk, and the rules matching the default branch asked over REST (empty: not protected).
    private final Map<String, BranchRules> told = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<ProtectedBranch>> asked = new java.util.concurrent.ConcurrentHashMap<>();

    public SetupPlanner(SshEnvironment env, HostKeyVerifier hostKeys) {
        this(new ThisAccount(env, hostKeys, GitRunner.system()));
    }

    /** Plans for the repositories of one account: this one, or another environment's through its helper. */
    public SetupPlanner(AccountSide side) {
        this.side = side;
    }

    public AccountSide side() {
        return side;
    }

    public SetupPlan plan(RepoInfo repo, GitLabClient client, String instanceUrl, SetupOptions options) throws SetupException {
        RemoteInfo remote = repo.remotes().stream().filter(r -> r.name().equals(options.remote())).findFirst()
                .orElseThrow(() -> new SetupException(repo.relativePath() + " has no remote named " + options.remote()));
        if (remote.projectPath() == null) {
            throw new SetupException("cannot tell the GitLab project from " + remote.effectiveUrl());
        }
        Project project = resolve(client, remote.projectPath());
        return plan(repo, remote, project, client, instanceUrl, options);
    }

    /** Plans against an already resolved project (bulk resolves each project once). */
    public SetupPlan plan(RepoInfo repo, RemoteInfo remote, Project project, GitLabClient client, String instanceUrl,
            SetupOptions options) throws SetupException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String projectPath = project.pathWithNamespace();

        Integer level = project.accessLevel();
        if (level != null && level < MAINTAINER) {
            problems.add("you have the " + ProtectedBranchCheck.roleName(level) + " role on " + projectPath
                    + "; adding deploy keys needs Maintainer");
        }
        RemoteUrl ssh = RemoteUrlParser.parse(project.sshUrlToRepo() == null ? "" : project.sshUrlToRepo());
        if (ssh.host() == null) {
            throw new SetupException("GitLab gave no usable SSH URL for " + projectPath + " (is SSH disabled on this instance?)");
        }
        int sshPort = ssh.port() == null ? 22 : ssh.port();

        KeyChoice key;
        try {
            key = side.chooseKey(KeyChoice.wiredKeyOf(repo, options.sharedKey()), hostOf(instanceUrl), projectPath, project.id(),
                    options.sharedKey());
        } catch (IOException e) {
            throw failed("cannot read the existing key for " + projectPath, e);
        }
        Optional<DeployKey> existing = Optional.empty();
        if (!key.generate()) {
            existing = call(() -> client.findProjectDeployKey(projectPath, key.publicKey().withoutComment()), projectPath);
        }

        HostKeyStatus hostKey = side.checkHostKey(ssh.host(), sshPort);
        switch (hostKey.state()) {
            case CHANGED, UNREACHABLE -> problems.add(hostKey.detail());
            case UNKNOWN -> notes.add("you will be asked to confirm the host key " + hostKey.fingerprint());
            default -> { }
        }

        AccountSide.WiringDraft draft;
        try {
            draft = side.draftWiring(repo.gitDir(), remote.name(), project.sshUrlToRepo(), key.file());
        } catch (IOException e) {
            throw failed("cannot read the config of " + repo.path(), e);
        }
        problems.addAll(draft.problems());
        Path configFile = draft.configFile();
        ConfigSnapshot snapshot = draft.original();
        List<ConfigOp> ops = draft.ops();
        List<ConfigChange> changes = draft.changes();

        boolean canPush = !options.readOnly();
        ProtectedBranchCheck branch = canPush
                ? checkBranchOnce(instanceUrl, client, project, level, existing.map(DeployKey::id).orElse(null))
                : ProtectedBranchCheck.notChecked("read-only key: branch protection does not matter");
        if (branch.blocks()) {
            if (!branch.canGrantKey()) {
                notes.add(branch.whatThisGitLabAllows());
            } else {
                notes.add(!branch.hasExactRule() && options.allowProtectedPush()
                        ? branch.ruleForTheKeyAlone()
                        : !branch.hasExactRule()
                        ? branch.detail() + "; add --allow-protected-push for a rule for " + branch.branch()
                                + " by its own name where only this key may push (GitLab 17.5+; a wildcard rule is never widened)"
                        : options.allowProtectedPush()
                        ? "the key will be added to \"Allowed to push\" on " + branch.branch() + " (GitLab 17.5+)"
                        : branch.detail() + "; add --allow-protected-push to allow this key there (GitLab 17.5+)");
            }
        }
        if (existing.isPresent() && Boolean.TRUE.equals(existing.get().canPush()) && !canPush) {
            notes.add("the key is read-write on GitLab and will be made read-only");
        }
        return new SetupPlan(repo.path(), configFile, remote.name(), instanceUrl, project.id(), projectPath,
                project.sshUrlToRepo(), project.defaultBranch(), key.file(), key.generate(), key.publicKey(), key.title(),
                canPush, options.expiresOn(), existing.map(DeployKey::id).orElse(null),
                existing.map(DeployKey::canPush).orElse(null), ssh.host(), sshPort, hostKey, ops, changes, snapshot,
                branch, options.allowProtectedPush(), problems, notes, side.environment());
    }

    /**
     * A step of the account side that failed: what it was doing and why — or, when the side as a whole is gone (the
     * environment's helper could not start or ended), that, as every repository of that environment says it.
     */
    private static SetupException failed(String doing, IOException e) {
        return new SetupException((AccountSide.unreachable(e) ? UNREACHABLE : doing) + ": " + e.getMessage(), e);
    }

    /** How a repository whose environment cannot be reached begins its reason. */
    public static final String UNREACHABLE = "its environment could not be reached";

    static Project resolve(GitLabClient client, String projectPath) throws SetupException {
        try {
            return client.project(projectPath);
        } catch (GitLabException e) {
            throw new SetupException(e.userMessage(projectPath), e);
        }
    }

    /**
     * Tells the planner the protected-branch rules of many projects at once (bulk runs ask GraphQL for them in pages,
     * {@link GitLabClient#branchRules}): those projects cost no protected-branch call. Per project id; projects left
     * out, and branches the answer is unsure of, are asked one by one as before.
     */
    public void knowBranchRules(String instanceUrl, Map<Long, BranchRules> rulesById) {
        rulesById.forEach((id, known) -> told.put(instanceUrl + " " + id, known));
    }

    private ProtectedBranchCheck checkBranchOnce(String instanceUrl, GitLabClient client, Project project, Integer level,
            Long keyId) throws SetupException {
        String branch = project.defaultBranch();
        if (branch == null) {
            return ProtectedBranchCheck.notChecked("the project has no default branch yet");
        }
        String cacheKey = instanceUrl + " " + project.id();
        BranchRules known = told.get(cacheKey);
        List<ProtectedBranch> rules = known == null ? null : known.of(branch);
        if (rules == null) {
            rules = asked.get(cacheKey);
        }
        if (rules == null) {
            rules = fetchRules(client, project);
            asked.put(cacheKey, rules);
        }
        // What a blocked branch means depends on the version (deploy keys in "Allowed to push" need 17.5): asked once per client.
        return ProtectedBranchCheck.evaluate(branch, rules, level, keyId).on(client.instanceVersion().orElse(null));
    }

    /**
     * Every rule protecting the default branch, wildcards included: {@code GET /projects/:id/protected_branches} (one
     * call up to 100 rules) filtered as GitLab matches them. Not {@code GET …/protected_branches/:name}: that finds a
     * rule by its exact name only (lib/api/protected_branches.rb, {@code find_by!(name:)}) and misses {@code *}, {@code
     * release/*} and the like, which protect the branch all the same.
     */
    private static List<ProtectedBranch> fetchRules(GitLabClient client, Project project) throws SetupException {
        try {
            return ProtectedBranch.matching(client.protectedBranches(project.pathWithNamespace()), project.defaultBranch());
        } catch (GitLabException e) {
            if (e.kind() != GitLabErrorKind.NOT_FOUND) {
                throw new SetupException(e.userMessage(project.pathWithNamespace()), e);
            }
            return List.of();
        }
    }

    /** The instance's host for key file names, with its port when it has one ({@code gitlab.corp_8443}). */
    static String hostOf(String instanceUrl) {
        var url = RemoteUrlParser.parse(instanceUrl);
        String host = url.host();
        return host == null ? "gitlab" : url.port() == null ? host : host + "_" + url.port();
    }

    private interface ApiCall<T> {
        T run();
    }

    private static <T> T call(ApiCall<T> call, String subject) throws SetupException {
        try {
            return call.run();
        } catch (GitLabException e) {
            throw new SetupException(e.userMessage(subject), e);
        }
    }
}
