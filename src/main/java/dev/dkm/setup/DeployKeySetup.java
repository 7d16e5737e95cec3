package dev.dkm.setup;

import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunLedger;
import dev.dkm.journal.RunLocks;
import dev.dkm.gitconfig.ConfigChangedMeanwhileException;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.SshPublicKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link SetupPlan}: generate → register → trust host key → wire → verify. Each change is written to the
 * run's journal before it is made; any failure rolls back what this run did (config restored byte for byte, the
 * deploy key removed from the project if this run added it, its access set back if this run changed it) and says
 * in one sentence what went wrong. The key file is kept: it is harmless and the next attempt reuses it.
 */
public final class DeployKeySetup {

    private final java.util.function.Function<String, AccountSide> sides;
    private final Clock clock;

    /** Sets up repositories of this account only. */
    public DeployKeySetup(HostKeyVerifier hostKeys, GitRunner git, Clock clock) {
        this(local(new ThisAccount(SshEnvironment.forCurrentUser(), hostKeys, git)), clock);
    }

    /**
     * @param sides the account side of each plan's {@link SetupPlan#environment() environment} (null: the caller's
     *              own): where the key is generated, the host key trusted, the config written and git run
     */
    public DeployKeySetup(java.util.function.Function<String, AccountSide> sides, Clock clock) {
        this.sides = sides;
        this.clock = clock;
    }

    private static java.util.function.Function<String, AccountSide> local(AccountSide side) {
        return env -> {
            if (env != null) {
                throw new IllegalStateException("no environment " + env + " in this session");
            }
            return side;
        };
    }

    /**
     * Applies the plan as part of the run {@code ledger} owns: the repository's config and key file are locked for the
     * rest of that run (another run holding them makes this one stop before changing anything), and every deploy key
     * attached is recorded there, so that a rollback removes only what this run created and nothing else uses.
     */
    public SetupResult apply(SetupPlan plan, GitLabClient client, HostKeyConsent consent, RunLedger ledger,
            SetupListener listener) throws IOException {
        Run run = new Run(plan, client, ledger, listener, sides.apply(plan.environment()));
        if (plan.blocked()) {
            return run.fail(null, String.join("; ", plan.problems()), null);
        }
        String busy = ledger.tryLock(java.util.List.of(RunLocks.config(plan.environment(), plan.configFile()),
                RunLocks.key(plan.environment(), plan.keyFile())));
        if (busy != null) {
            return run.fail(null, "busy: " + busy + "; nothing was changed — run it again once that run has finished", null);
        }
        // Host key consent comes first: an unknown key the user does not accept stops the setup before anything changes.
        HostKeyStatus hostKey = plan.hostKey();
        boolean mustTrust = hostKey.state() == HostKeyStatus.State.PUBLISHED || hostKey.state() == HostKeyStatus.State.UNKNOWN;
        if (hostKey.state() == HostKeyStatus.State.UNKNOWN && !consent.trust(hostKey)) {
            return run.fail(SetupStep.TRUST_HOST_KEY, "the host key " + hostKey.fingerprint() + " of " + plan.sshHost()
                    + " was not confirmed; nothing was changed", null);
        }
        try {
            SshPublicKey publicKey = run.generate();
            if (publicKey == null) {
                return run.result();
            }
            if (!run.register(publicKey)) {
                return run.result();
            }
            run.trustHostKey(mustTrust);
            if (!run.wire()) {
                return run.result();
            }
            run.verify();
            return run.result();
        } catch (GitLabException e) {
            return run.fail(run.current, e.userMessage(plan.projectPath()), null);
        } catch (IOException | RuntimeException e) {
            return run.fail(run.current, String.valueOf(e.getMessage()), null);
        }
    }

    /**
     * Verifies a repository a crashed run left wired but unverified: its remote ({@code origin}, else the first) reaches
     * GitLab over SSH with the wired key — for writing too when {@code canPush}.
     *
     * @return null when it works, else why not in one sentence
     */
    public String reverify(java.nio.file.Path repo, String environment, boolean canPush) throws IOException {
        AccountSide side = sides.apply(environment); // where the repository lives: its git runs there, as that account
        RemoteAccessVerifier access = new RemoteAccessVerifier(side::git);
        GitRunner.Result remotes = side.git(repo, List.of("remote"));
        List<String> names = remotes.stdout().lines().map(String::strip).filter(n -> !n.isEmpty()).toList();
        if (!remotes.ok() || names.isEmpty()) {
            return "it has no remote any more";
        }
        String remote = names.contains("origin") ? "origin" : names.get(0);
        RemoteAccessVerifier.Outcome outcome = canPush ? access.canWrite(repo, remote) : access.canRead(repo, remote);
        return outcome.ok() ? null : outcome.explanation().sentence();
    }

    /** The state of one apply: what has been done so far, so that a failure knows what to undo. */
    private final class Run {
        final SetupPlan plan;
        final GitLabClient client;
        final RunLedger ledger;
        final String runId;
        final SetupListener listener;
        final AccountSide side;
        final List<StepOutcome> steps = new ArrayList<>();
        SetupStep current;
        Long keyId;
        boolean keyAddedByUs;
        Boolean previousCanPush;
        boolean generatedNow;
        String fingerprint;
        ConfigPatch wired;
        boolean failed;
        String failure;
        String limitation;
        GitErrorExplainer.Cause cause;

        Run(SetupPlan plan, GitLabClient client, RunLedger ledger, SetupListener listener, AccountSide side) {
            this.side = side;
            this.plan = plan;
            this.client = client;
            this.ledger = ledger;
            this.runId = ledger.runId();
            this.listener = listener;
        }

        SshPublicKey generate() throws IOException {
            start(SetupStep.GENERATE);
            if (!plan.generateKey()) {
                finish(StepOutcome.skipped(SetupStep.GENERATE, "reusing " + plan.keyFile()));
                return plan.publicKey();
            }
            AccountSide.GeneratedKey key;
            // One generation per key file at a time in this run: a repository that finds the shared key "created
            // meanwhile" then also finds it recorded as this run's own, and registers it without a look-up.
            synchronized (ledger.keyFileMutex(side.environment(), plan.keyFile().toString())) {
                key = side.generateKey(plan.keyFile(), plan.keyTitle());
                if (key.created()) {
                    ledger.generated(key.publicKey().fingerprintSha256());
                }
            }
            if (!key.created()) {
                finish(StepOutcome.skipped(SetupStep.GENERATE, "reusing " + plan.keyFile() + ", created meanwhile"));
                return key.publicKey();
            }
            generatedNow = true;
            finish(StepOutcome.done(SetupStep.GENERATE, "new Ed25519 key " + key.privateKey() + " ("
                    + key.publicKey().fingerprintSha256() + ")" + (side.environment() == null ? "" : " in " + side.environment())));
            return key.publicKey();
        }

        boolean register(SshPublicKey publicKey) throws IOException {
            start(SetupStep.REGISTER);
            String project = plan.projectPath();
            fingerprint = publicKey.fingerprintSha256();
            synchronized (ledger.mutex(plan.instanceUrl(), plan.projectId(), fingerprint)) {
                Long already = ledger.attached(plan.instanceUrl(), plan.projectId(), fingerprint);
                if (already != null) {
                    // Another repository of this run (a second clone of the project, the shared key) attached it.
                    keyId = already;
                    ledger.used(repo(), plan.instanceUrl(), plan.projectId(), keyId, fingerprint);
                    finish(StepOutcome.skipped(SetupStep.REGISTER, "deploy key #" + keyId + " was just added to " + project
                            + " for another clone"));
                } else if (plan.existingKeyId() != null) {
                    keyId = plan.existingKeyId();
                    ledger.used(repo(), plan.instanceUrl(), plan.projectId(), keyId, fingerprint);
                    reuse(plan.existingCanPush());
                } else {
                    // GitLab answers a POST of a key the project already has with that key, as if it had created it
                    // (lib/api/deploy_keys.rb): a key file that existed before this step may have been attached since
                    // the plan (by another run), so look first and never claim that attachment as ours.
                    // A key this run generated (the shared key, made by the run's first repository) cannot be there.
                    java.util.Optional<DeployKey> there = generatedNow || ledger.generatedInThisRun(fingerprint)
                            ? java.util.Optional.empty()
                            : client.findProjectDeployKey(project, publicKey.withoutComment());
                    if (there.isPresent()) {
                        keyId = there.get().id();
                        ledger.used(repo(), plan.instanceUrl(), plan.projectId(), keyId, fingerprint);
                        reuse(there.get().canPush());
                    } else {
                        ledger.append(new JournalEntry.KeyIntended(now(), repo(), plan.instanceUrl(), plan.projectId(),
                                fingerprint));
                        DeployKey key = addOrEnable(project, publicKey);
                        if (key == null) {
                            return false;
                        }
                        keyId = key.id();
                        keyAddedByUs = true;
                        ledger.created(repo(), plan.instanceUrl(), plan.projectId(), keyId, fingerprint);
                        finish(StepOutcome.done(SetupStep.REGISTER, "deploy key #" + keyId + " added to " + project + ", " + plan.access()));
                    }
                }
            }
            if (plan.protectedBranch().blocks() && plan.canPush()) {
                limitation = openProtectedBranch(project);
            }
            return true;
        }

        /** A key already on the project: made read-write or read-only as asked (journaled, so undo sets it back). */
        private void reuse(Boolean canPushNow) throws IOException {
            if (canPushNow != null && canPushNow == plan.canPush()) {
                finish(StepOutcome.skipped(SetupStep.REGISTER, "already deploy key #" + keyId + ", " + plan.access()));
                return;
            }
            ledger.append(new JournalEntry.KeyAccessChanged(now(), repo(), plan.instanceUrl(), plan.projectId(),
                    keyId, Boolean.TRUE.equals(canPushNow)));
            previousCanPush = Boolean.TRUE.equals(canPushNow);
            client.updateDeployKey(plan.projectPath(), keyId, null, plan.canPush());
            finish(StepOutcome.done(SetupStep.REGISTER, "deploy key #" + keyId + " made " + plan.access()));
        }

        /**
         * The default branch blocks the key. On GitLab 17.5+ with --allow-protected-push the key is named in "Allowed
         * to push" and the rule GitLab answers with is read: CE before 17.5 answers 200 and changes nothing. Returns
         * what GitLab will still refuse, or null when the key may push there now.
         */
        private String openProtectedBranch(String project) {
            ProtectedBranchCheck branch = plan.protectedBranch();
            if (!plan.allowProtectedPush() || !branch.canGrantKey()) {
                return branch.whatThisGitLabAllows();
            }
            if (!branch.hasExactRule()) {
                return ruleForTheKeyAlone(project, branch);
            }
            dev.dkm.gitlab.ProtectedBranch rule;
            try {
                rule = client.allowDeployKeyToPush(project, branch.branch(), keyId);
            } catch (GitLabException e) {
                if (e.kind() == GitLabErrorKind.VALIDATION) {
                    // 422 from ProtectedRefDeployKeyAccess: the key lacks write access, or its owner is not a member
                    return "GitLab refused to name the key in \"Allowed to push\" on " + branch.branch() + ": "
                            + e.detail() + "; pushes of this key to " + branch.branch() + " will be refused";
                }
                throw e;
            }
            if (rule == null || !rule.allowsDeployKeyToPush(keyId)) {
                return "GitLab accepted the change to " + branch.branch() + " but its rule does not name the key (this GitLab"
                        + " ignores deploy keys in \"Allowed to push\"; they came with 17.5 in CE), so pushes of this key to "
                        + branch.branch() + " will be refused";
            }
            finish(StepOutcome.done(SetupStep.REGISTER, "deploy key #" + keyId + " named in \"Allowed to push\" on "
                    + branch.branch() + " (the roles there stay)"));
            return null;
        }

        /**
         * Only wildcard rules block the key: naming it in one would let it push to every branch the pattern matches.
         * A rule for the branch by its exact name, where only the key may push, is created instead (GitLab adds up
         * the matching rules, so nothing else opens), journaled before and after so undo removes exactly it.
         */
        private String ruleForTheKeyAlone(String project, ProtectedBranchCheck branch) {
            dev.dkm.gitlab.ProtectedBranch rule;
            try {
                ledger.append(new JournalEntry.BranchRuleAdded(now(), repo(), plan.instanceUrl(), plan.projectId(),
                        branch.branch(), null));
                rule = client.protectBranchForDeployKeyOnly(project, branch.branch(), keyId);
                ledger.append(new JournalEntry.BranchRuleAdded(now(), repo(), plan.instanceUrl(), plan.projectId(),
                        branch.branch(), rule.id()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (GitLabException e) {
                if (e.kind() == GitLabErrorKind.VALIDATION) { // 409: a rule of that name came meanwhile; 422: the key cannot be named
                    return "GitLab refused a rule for " + branch.branch() + " naming the key: " + e.detail() + "; "
                            + branch.onlyWildcardsBlock();
                }
                throw e;
            }
            if (rule == null || !rule.allowsDeployKeyToPush(keyId)) {
                return "GitLab created the rule " + branch.branch() + " but it does not name the key, so pushes of this key to "
                        + branch.branch() + " will be refused (dkm undo removes the rule)";
            }
            finish(StepOutcome.done(SetupStep.REGISTER, "rule " + branch.branch() + " created, where only deploy key #"
                    + keyId + " may push (" + String.join(", ", branch.rules()) + " stay as they were)"));
            return null;
        }

        /**
         * POST adds the key, or attaches it when the caller can see it elsewhere (GitLab's duplicate rules). "Already
         * taken" means it exists where the caller cannot see it: an administrator can still find and enable it.
         */
        private DeployKey addOrEnable(String project, SshPublicKey publicKey) throws IOException {
            Instant expires = plan.expiresOn() == null ? null : plan.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            try {
                DeployKey added = client.addDeployKey(project, plan.keyTitle(), publicKey.toLine(), plan.canPush(), expires);
                if (added.canPush() != null && added.canPush() != plan.canPush()) {
                    added = client.updateDeployKey(project, added.id(), null, plan.canPush());
                }
                return added;
            } catch (GitLabException e) {
                if (e.kind() != GitLabErrorKind.VALIDATION || e.detail() == null || !e.detail().contains("already been taken")) {
                    throw e;
                }
                DeployKey elsewhere = findVisibleToAdmin(publicKey);
                if (elsewhere == null) {
                    fail(SetupStep.REGISTER, "GitLab already has this key somewhere you cannot see (for example as a user's"
                            + " personal SSH key), so it cannot be a deploy key here: move " + plan.keyFile()
                            + " aside and run setup again for a new key pair", null);
                    return null;
                }
                client.enableDeployKey(project, elsewhere.id());
                return client.updateDeployKey(project, elsewhere.id(), null, plan.canPush());
            }
        }

        private DeployKey findVisibleToAdmin(SshPublicKey publicKey) {
            try {
                if (!Boolean.TRUE.equals(client.currentUser().isAdmin())) {
                    return null;
                }
                return client.instanceDeployKeys(null).stream()
                        .filter(k -> k.sameKeyAs(publicKey.withoutComment())).findFirst().orElse(null);
            } catch (GitLabException e) {
                return null;
            }
        }

        void trustHostKey(boolean mustTrust) throws IOException {
            start(SetupStep.TRUST_HOST_KEY);
            HostKeyStatus status = plan.hostKey();
            if (!mustTrust) {
                finish(StepOutcome.skipped(SetupStep.TRUST_HOST_KEY, "already trusted: " + status.fingerprint()));
                return;
            }
            String knownHosts = side.trustHostKey(plan.sshHost(), plan.sshPort(), status.presented());
            finish(StepOutcome.done(SetupStep.TRUST_HOST_KEY, "added " + status.presented().type() + " "
                    + status.fingerprint() + " to " + knownHosts));
        }

        boolean wire() throws IOException {
            start(SetupStep.WIRE);
            if (plan.configChanges().stream().noneMatch(dev.dkm.gitconfig.ConfigChange::changesSomething)) {
                finish(StepOutcome.skipped(SetupStep.WIRE, "already wired to " + plan.sshUrl()));
                return true;
            }
            try {
                byte[] written = side.renderConfig(plan.originalConfig(), plan.configOps());
                ConfigPatch patch = ConfigPatch.between(plan.originalConfig().content(), written);
                ledger.append(new JournalEntry.ConfigChanged(now(), repo(), plan.configFile().toString(), patch,
                        plan.environment()));
                side.writeConfig(plan.originalConfig(), written);
                wired = patch;
            } catch (ConfigChangedMeanwhileException e) {
                fail(SetupStep.WIRE, e.getMessage(), null);
                return false;
            }
            finish(StepOutcome.done(SetupStep.WIRE, "core.sshCommand and " + plan.remote() + " now use " + plan.sshUrl()));
            return true;
        }

        void verify() throws IOException {
            start(SetupStep.VERIFY);
            String remote = plan.remote();
            String other = urlOtherThanWired(remote);
            if (other != null) {
                fail(SetupStep.VERIFY, "git still resolves " + remote + " to another URL (an insteadOf rule in your"
                        + " global git config?): " + dev.dkm.remote.UrlRedactor.redact(other), null);
                return;
            }
            // The push handshake lists the remote's refs, so when it succeeds reading works too: a read-write key
            // needs one SSH connection, and ls-remote only runs to explain a failure (no access at all vs read-only).
            RemoteAccessVerifier access = new RemoteAccessVerifier(side::git);
            RemoteAccessVerifier.Outcome write = plan.canPush() ? access.canWrite(plan.repo(), remote) : null;
            if (write == null || !write.ok()) {
                RemoteAccessVerifier.Outcome read = access.canRead(plan.repo(), remote);
                RemoteAccessVerifier.Outcome failed = !read.ok() ? read : write;
                if (failed != null) {
                    fail(SetupStep.VERIFY, failed.explanation().sentence(), failed.explanation().cause());
                    return;
                }
            }
            finish(StepOutcome.done(SetupStep.VERIFY, plan.canPush()
                    ? "the push handshake succeeds over SSH (it lists the refs: reading works too)"
                    : "git ls-remote succeeds over SSH"));
            ledger.append(new JournalEntry.RepoFinished(now(), repo(), "converted", null));
        }

        /**
         * The handshake below goes to the URL git resolves for fetching, a push to every URL it resolves for pushing:
         * the proof holds only when they are all the wired one. Null when they are, else the first other URL (or
         * git's complaint). One {@code git remote -v} answers both; two {@code get-url} calls only when its output
         * is ambiguous.
         */
        private String urlOtherThanWired(String remote) throws IOException {
            GitRunner.Result listed = side.git(plan.repo(), ResolvedRemote.COMMAND);
            ResolvedRemote urls = listed.ok() ? ResolvedRemote.parse(listed.stdout(), remote) : null;
            if (urls != null) {
                return urls.otherThan(plan.sshUrl());
            }
            for (List<String> args : List.of(List.of("remote", "get-url", remote), List.of("remote", "get-url", "--push", "--all", remote))) {
                GitRunner.Result url = side.git(plan.repo(), args);
                List<String> lines = url.stdout().lines().map(String::strip).toList();
                if (!url.ok() || lines.isEmpty()) {
                    return url.stdout().strip() + url.stderr().strip();
                }
                String other = lines.stream().filter(u -> !u.equals(plan.sshUrl())).findFirst().orElse(null);
                if (other != null) {
                    return other;
                }
            }
            return null;
        }

        SetupResult fail(SetupStep step, String message, GitErrorExplainer.Cause why) {
            if (!failed) {
                failed = true;
                failure = message;
                cause = why;
                if (step != null) {
                    finish(StepOutcome.failed(step, message));
                }
                rollback();
                try {
                    ledger.append(new JournalEntry.RepoFinished(now(), repo(), "failed", message));
                } catch (IOException e) {
                    failure = failure + " (and the journal could not be written: " + e.getMessage() + ")";
                }
            }
            return result();
        }

        /**
         * Undoes, newest first, what this run did for this repository. The config gets back what it had unless the user
         * edited the run's own lines since; the deploy key is removed only when this run created it and nothing else
         * depends on it (see {@link RunLedger#release}). Each undo is attempted even if another fails.
         */
        private void rollback() {
            List<String> problems = new ArrayList<>();
            boolean stillWired = false;
            if (wired != null) {
                try {
                    ConfigPatch.Revert revert = side.revertConfig(plan.configFile(), wired);
                    switch (revert.state()) {
                        case RESTORED -> steps.add(new StepOutcome(SetupStep.WIRE, StepOutcome.Status.ROLLED_BACK, "config restored byte for byte"));
                        case MERGED -> steps.add(new StepOutcome(SetupStep.WIRE, StepOutcome.Status.ROLLED_BACK,
                                "the run's lines reverted; the edits made to the config since were kept"));
                        case NOTHING_TO_DO -> { }
                        case CONFLICT -> {
                            stillWired = true;
                            problems.add(plan.configFile() + " was not restored: " + revert.reason());
                        }
                    }
                } catch (IOException e) {
                    stillWired = true;
                    problems.add("restoring " + plan.configFile() + " failed: " + e.getMessage());
                }
            }
            if (keyId != null && fingerprint != null) {
                synchronized (ledger.mutex(plan.instanceUrl(), plan.projectId(), fingerprint)) {
                    try {
                        String keep = stillWired ? "the repository may still use it" : ledger.release(repo(), plan.instanceUrl(),
                                plan.projectId(), fingerprint);
                        if (keyAddedByUs && keep == null) {
                            client.deleteDeployKey(plan.projectPath(), keyId);
                            ledger.removed(plan.instanceUrl(), plan.projectId(), fingerprint);
                            steps.add(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.ROLLED_BACK, "deploy key #" + keyId + " removed from " + plan.projectPath()));
                            keyId = null;
                        } else if (keyAddedByUs) {
                            steps.add(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.ROLLED_BACK, "deploy key #" + keyId
                                    + " kept on " + plan.projectPath() + ": " + keep));
                        } else if (previousCanPush != null && keep != null && keep.startsWith("this run did not")) {
                            client.updateDeployKey(plan.projectPath(), keyId, null, previousCanPush);
                            steps.add(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.ROLLED_BACK, "deploy key #" + keyId + " access set back"));
                        }
                    } catch (GitLabException e) {
                        if (e.kind() == GitLabErrorKind.NOT_FOUND && keyAddedByUs) {
                            ledger.removed(plan.instanceUrl(), plan.projectId(), fingerprint);
                            keyId = null; // someone removed it already: nothing of ours is left there
                        } else {
                            problems.add("removing deploy key #" + keyId + " failed: " + e.userMessage(plan.projectPath())
                                    + " (dkm undo " + runId + " will retry)");
                        }
                    } catch (IOException e) {
                        problems.add("deploy key #" + keyId + " kept: could not read the other runs' journals: " + e.getMessage());
                    }
                }
            }
            if (!problems.isEmpty()) {
                failure = failure + "; rollback incomplete: " + String.join("; ", problems);
            }
        }

        SetupResult result() {
            return new SetupResult(plan, runId, steps, !failed, failure, cause, keyId, failed ? null : limitation);
        }

        private void start(SetupStep step) {
            current = step;
            listener.started(step);
        }

        private void finish(StepOutcome outcome) {
            steps.add(outcome);
            listener.finished(outcome);
        }

        private String repo() {
            return plan.repo().toString();
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
