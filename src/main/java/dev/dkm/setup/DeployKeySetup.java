package dev.dkm.setup;

import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.gitconfig.ConfigChangedMeanwhileException;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.gitconfig.GitConfigEditor;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.keys.Ed25519KeyGenerator;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KeyPairFiles;
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
    private static final java.util.Map<java.nio.file.Path, Object> KEY_FILE_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Keys this process attached, by instance, project and fingerprint. A second clone of the same project in one bulk
     * run reuses the first one's key: its POST would answer with the existing attachment, which it must not claim
     * (nor remove on rollback) as its own.
     */
    private final java.util.Map<String, Long> attachedHere = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Object> attachLocks = new java.util.concurrent.ConcurrentHashMap<>();

    private final HostKeyVerifier hostKeys;
    private final RemoteAccessVerifier access;
    private final GitRunner git;
    private final Ed25519KeyGenerator generator = new Ed25519KeyGenerator();
    private final Clock clock;

    public DeployKeySetup(HostKeyVerifier hostKeys, GitRunner git, Clock clock) {
        this.hostKeys = hostKeys;
        this.git = git;
        this.access = new RemoteAccessVerifier(git);
        this.clock = clock;
    }

    public SetupResult apply(SetupPlan plan, GitLabClient client, HostKeyConsent consent, RunJournal journal,
            String runId, SetupListener listener) throws IOException {
        Run run = new Run(plan, client, journal, runId, listener);
        if (plan.blocked()) {
            return run.fail(null, String.join("; ", plan.problems()), null);
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

    /** The state of one apply: what has been done so far, so that a failure knows what to undo. */
    private final class Run {
        final SetupPlan plan;
        final GitLabClient client;
        final RunJournal journal;
        final String runId;
        final SetupListener listener;
        final List<StepOutcome> steps = new ArrayList<>();
        SetupStep current;
        Long keyId;
        boolean keyAddedByUs;
        Boolean previousCanPush;
        ConfigSnapshot wiredFrom;
        boolean failed;
        String failure;
        String limitation;
        GitErrorExplainer.Cause cause;

        Run(SetupPlan plan, GitLabClient client, RunJournal journal, String runId, SetupListener listener) {
            this.plan = plan;
            this.client = client;
            this.journal = journal;
            this.runId = runId;
            this.listener = listener;
        }

        SshPublicKey generate() throws IOException {
            start(SetupStep.GENERATE);
            if (!plan.generateKey()) {
                finish(StepOutcome.skipped(SetupStep.GENERATE, "reusing " + plan.keyFile()));
                return plan.publicKey();
            }
            // Repositories of one bulk run may share a key file (shared strategy, two clones of one project): the
            // first generates it, the others reuse it once it is complete.
            synchronized (KEY_FILE_LOCKS.computeIfAbsent(plan.keyFile().toAbsolutePath(), p -> new Object())) {
                if (java.nio.file.Files.exists(plan.keyFile())) {
                    SshPublicKey existing = new dev.dkm.keys.PublicKeyReader().read(plan.keyFile());
                    finish(StepOutcome.skipped(SetupStep.GENERATE, "reusing " + plan.keyFile() + ", created meanwhile"));
                    return existing;
                }
                KeyPairFiles files = generator.generateInto(plan.keyFile(), plan.keyTitle());
                finish(StepOutcome.done(SetupStep.GENERATE, "new Ed25519 key " + files.privateKey() + " ("
                        + files.publicKey().fingerprintSha256() + ")"));
                return files.publicKey();
            }
        }

        boolean register(SshPublicKey publicKey) throws IOException {
            start(SetupStep.REGISTER);
            String project = plan.projectPath();
            if (plan.existingKeyId() != null) {
                keyId = plan.existingKeyId();
                if (plan.existingCanPush() != null && plan.existingCanPush() == plan.canPush()) {
                    finish(StepOutcome.skipped(SetupStep.REGISTER, "already deploy key #" + keyId + ", " + plan.access()));
                } else {
                    journal.append(new JournalEntry.KeyAccessChanged(now(), repo(), plan.instanceUrl(), plan.projectId(),
                            keyId, Boolean.TRUE.equals(plan.existingCanPush())));
                    previousCanPush = Boolean.TRUE.equals(plan.existingCanPush());
                    client.updateDeployKey(project, keyId, null, plan.canPush());
                    finish(StepOutcome.done(SetupStep.REGISTER, "deploy key #" + keyId + " made " + plan.access()));
                }
            } else {
                String attachment = plan.instanceUrl() + " " + plan.projectId() + " " + publicKey.fingerprintSha256();
                synchronized (attachLocks.computeIfAbsent(attachment, k -> new Object())) {
                    Long already = attachedHere.get(attachment);
                    if (already != null) {
                        keyId = already;
                        finish(StepOutcome.skipped(SetupStep.REGISTER, "deploy key #" + keyId + " was just added to " + project
                                + " for another clone"));
                    } else {
                        journal.append(new JournalEntry.KeyIntended(now(), repo(), plan.instanceUrl(), plan.projectId(),
                                publicKey.fingerprintSha256()));
                        DeployKey key = addOrEnable(project, publicKey);
                        if (key == null) {
                            return false;
                        }
                        keyId = key.id();
                        keyAddedByUs = true;
                        journal.append(new JournalEntry.KeyCreated(now(), repo(), plan.instanceUrl(), plan.projectId(), keyId,
                                publicKey.fingerprintSha256()));
                        finish(StepOutcome.done(SetupStep.REGISTER, "deploy key #" + keyId + " added to " + project + ", " + plan.access()));
                    }
                }
            }
            if (plan.protectedBranch().blocks() && plan.canPush()) {
                limitation = openProtectedBranch(project);
            }
            return true;
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
            hostKeys.trust(plan.sshHost(), plan.sshPort(), status.presented());
            finish(StepOutcome.done(SetupStep.TRUST_HOST_KEY, "added " + status.presented().type() + " "
                    + status.fingerprint() + " to " + hostKeys.knownHosts().path()));
        }

        boolean wire() throws IOException {
            start(SetupStep.WIRE);
            if (plan.configChanges().stream().noneMatch(dev.dkm.gitconfig.ConfigChange::changesSomething)) {
                finish(StepOutcome.skipped(SetupStep.WIRE, "already wired to " + plan.sshUrl()));
                return true;
            }
            GitConfigEditor editor = new GitConfigEditor(plan.configFile());
            journal.append(new JournalEntry.ConfigSaved(now(), repo(), plan.configFile().toString(),
                    plan.originalConfig().contentBase64()));
            try {
                wiredFrom = editor.apply(plan.originalConfig(), plan.configOps());
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
            for (List<String> args : List.of(List.of("remote", "get-url", remote), List.of("remote", "get-url", "--push", remote))) {
                GitRunner.Result url = git.run(plan.repo(), args);
                if (!url.ok() || !url.stdout().strip().equals(plan.sshUrl())) {
                    fail(SetupStep.VERIFY, "git still resolves " + remote + " to another URL (an insteadOf rule in your"
                            + " global git config?): " + dev.dkm.remote.UrlRedactor.redact(url.stdout().strip()), null);
                    return;
                }
            }
            // The push handshake lists the remote's refs, so when it succeeds reading works too: a read-write key
            // needs one SSH connection, and ls-remote only runs to explain a failure (no access at all vs read-only).
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
            journal.append(new JournalEntry.RepoFinished(now(), repo(), "converted", null));
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
                    journal.append(new JournalEntry.RepoFinished(now(), repo(), "failed", message));
                } catch (IOException e) {
                    failure = failure + " (and the journal could not be written: " + e.getMessage() + ")";
                }
            }
            return result();
        }

        /** Undoes, newest first, what this run did. Each undo is attempted even if another fails. */
        private void rollback() {
            List<String> problems = new ArrayList<>();
            if (wiredFrom != null) {
                try {
                    new GitConfigEditor(plan.configFile()).restore(wiredFrom);
                    steps.add(new StepOutcome(SetupStep.WIRE, StepOutcome.Status.ROLLED_BACK, "config restored byte for byte"));
                } catch (IOException e) {
                    problems.add("restoring " + plan.configFile() + " failed: " + e.getMessage());
                }
            }
            if (keyId != null) {
                try {
                    if (keyAddedByUs) {
                        client.deleteDeployKey(plan.projectPath(), keyId);
                        attachedHere.values().remove(keyId);
                        steps.add(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.ROLLED_BACK, "deploy key #" + keyId + " removed from " + plan.projectPath()));
                        keyId = null;
                    } else if (previousCanPush != null) {
                        client.updateDeployKey(plan.projectPath(), keyId, null, previousCanPush);
                        steps.add(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.ROLLED_BACK, "deploy key #" + keyId + " access set back"));
                    }
                } catch (GitLabException e) {
                    if (e.kind() == GitLabErrorKind.NOT_FOUND && keyAddedByUs) {
                        keyId = null; // someone removed it already: nothing of ours is left there
                    } else {
                        problems.add("removing deploy key #" + keyId + " failed: " + e.userMessage(plan.projectPath())
                            + " (dkm undo " + runId + " will retry)");
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
