package dev.dkm.journal;

import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.gitconfig.GitConfigEditor;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Undoes a run from its journal. Each config it changed gets the run's own lines reverted: byte for byte when the
 * file is still what the run wrote, keeping the user's edits when it was edited since, and not at all (with the
 * reason) when the user changed the run's own lines. Each deploy key it added is removed from its project (also one
 * whose POST succeeded just before a crash: found by fingerprint) unless a repository still depends on it — one of
 * this run whose config could not be reverted, or one another run converted with it. Each access change is set back.
 * Safe to repeat: what is already undone is skipped. Once everything is undone, the tokens the journal kept for it
 * are dropped.
 */
public final class RunUndo {
    private final Path runsDir;
    private final Function<String, GitLabClient> clientForInstance;
    private final Clock clock;
    private final Configs configs;

    /**
     * Reverts a config in the environment the journal says it lives in (null: this account). For another account that
     * is its helper's job: the caller never writes into another account's files itself.
     */
    public interface Configs {
        ConfigPatch.Revert revert(String environment, Path config, ConfigPatch patch) throws IOException;

        void restore(String environment, ConfigSnapshot original) throws IOException;
    }

    /** This account's configs only. */
    public static final Configs HERE = new Configs() {
        @Override
        public ConfigPatch.Revert revert(String environment, Path config, ConfigPatch patch) throws IOException {
            here(environment);
            return new GitConfigEditor(config).revert(patch);
        }

        @Override
        public void restore(String environment, ConfigSnapshot original) throws IOException {
            here(environment);
            new GitConfigEditor(original.file()).restore(original);
        }

        private void here(String environment) throws IOException {
            if (environment != null) {
                throw new IOException("it lives in the environment " + environment + ", which this session cannot enter");
            }
        }
    };

    public RunUndo(Path runsDir, Function<String, GitLabClient> clientForInstance, Clock clock) {
        this(runsDir, clientForInstance, clock, HERE);
    }

    public RunUndo(Path runsDir, Function<String, GitLabClient> clientForInstance, Clock clock, Configs configs) {
        this.runsDir = runsDir;
        this.clientForInstance = clientForInstance;
        this.clock = clock;
        this.configs = configs;
    }

    public UndoReport undo(String runId) throws IOException {
        Path file = RunJournal.fileOf(runsDir, runId);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no run " + runId + " in " + runsDir);
        }
        List<JournalEntry> entries = RunJournal.read(file);
        Optional<JournalEntry> undone = entries.stream()
                .filter(e -> e instanceof JournalEntry.RunUndone u && "undone".equals(u.summary())).findFirst();
        if (undone.isPresent()) {
            // Everything was undone then, and the secrets it used are gone from the journal: nothing may be redone.
            return new UndoReport(runId, List.of("run " + runId + " was undone already on " + undone.get().at() + "; nothing to do"), true);
        }
        List<String> lines = new ArrayList<>();
        boolean complete = true;
        lines.addAll(StaleConfigLocks.clear(entries, clock)); // a kill -9 mid-write left git's lock: git would refuse the config
        for (JournalEntry e : entries) {
            if (e instanceof JournalEntry.SecretsDropped d) {
                lines.add("note: " + d.reason());
            }
        }

        // Newest change first: a resumed run may have changed one config twice.
        Map<String, List<JournalEntry>> changes = new LinkedHashMap<>();
        Set<String> createdFingerprints = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (e instanceof JournalEntry.ConfigChanged c) {
                changes.computeIfAbsent(c.environment() == null ? c.configFile() : c.environment() + "\0" + c.configFile(),
                        k -> new ArrayList<>()).add(c);
            } else if (e instanceof JournalEntry.ConfigSaved c) {
                changes.computeIfAbsent(c.configFile(), k -> new ArrayList<>()).add(c);
            } else if (e instanceof JournalEntry.KeyCreated k) {
                createdFingerprints.add(k.instance() + " " + k.projectId() + " " + k.fingerprint());
            }
        }
        Set<String> notReverted = new HashSet<>();
        try (RunLocks locks = RunLocks.open(runsDir, runId + "-undo")) {
            for (Map.Entry<String, List<JournalEntry>> c : changes.entrySet()) {
                String environment = c.getValue().get(0) instanceof JournalEntry.ConfigChanged cc ? cc.environment() : null;
                Path config = Path.of(c.getKey().substring(c.getKey().indexOf('\0') + 1));
                String repo = repoOf(c.getValue().get(0));
                String shown = (environment == null ? "" : environment + ": ") + repo;
                String busy = locks.tryLock(List.of(RunLocks.config(environment, config)));
                if (busy != null) {
                    complete = false;
                    notReverted.add(repo);
                    lines.add(shown + ": not restored: " + busy + " — run dkm undo " + runId + " again once it has finished");
                    continue;
                }
                String outcome = revert(environment, config, c.getValue());
                if (outcome.startsWith("not restored")) {
                    complete = false;
                    notReverted.add(repo);
                }
                lines.add(shown + ": " + outcome);
            }
            // Lines taken out of shared files (credential stores, global and included configs) go back in.
            Map<String, List<JournalEntry.FileEdited>> edits = new LinkedHashMap<>();
            for (JournalEntry e : entries) {
                if (e instanceof JournalEntry.FileEdited f) {
                    edits.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
                }
            }
            for (Map.Entry<String, List<JournalEntry.FileEdited>> e : edits.entrySet()) {
                try {
                    lines.add(SharedEditUndo.undo(Path.of(e.getKey()), e.getValue()));
                } catch (IOException ex) {
                    complete = false;
                    lines.add("could not put back the lines taken from " + e.getKey() + ": " + ex.getMessage());
                }
            }
            for (int i = entries.size() - 1; i >= 0; i--) {
                JournalEntry e = entries.get(i);
                try {
                    if (e instanceof JournalEntry.KeyCreated k) {
                        String keep = keepReason(runId, entries, notReverted, k.instance(), k.projectId(), k.fingerprint());
                        lines.add(k.repo() + ": " + (keep == null ? removeKey(k.instance(), k.projectId(), k.keyId())
                                : "deploy key #" + k.keyId() + " kept on project " + k.projectId() + ": " + keep));
                    } else if (e instanceof JournalEntry.KeyIntended k
                            && !createdFingerprints.contains(k.instance() + " " + k.projectId() + " " + k.fingerprint())) {
                        String keep = keepReason(runId, entries, notReverted, k.instance(), k.projectId(), k.fingerprint());
                        lines.add(k.repo() + ": " + (keep == null ? removeOrphan(k) : "a deploy key " + k.fingerprint()
                                + " kept on project " + k.projectId() + ": " + keep));
                    } else if (e instanceof JournalEntry.BranchRuleAdded b && !notReverted.contains(b.repo())
                            && (b.ruleId() != null || entries.stream().noneMatch(o -> o instanceof JournalEntry.BranchRuleAdded c
                                    && c.ruleId() != null && c.instance().equals(b.instance()) && c.projectId() == b.projectId()
                                    && c.branch().equals(b.branch())))) {
                        lines.add(b.repo() + ": " + removeBranchRule(b));
                    } else if (e instanceof JournalEntry.KeyAccessChanged a && !notReverted.contains(a.repo())) {
                        clientForInstance.apply(a.instance()).updateDeployKey(String.valueOf(a.projectId()), a.keyId(), null, a.previousCanPush());
                        lines.add(a.repo() + ": deploy key #" + a.keyId() + " set back to " + (a.previousCanPush() ? "read-write" : "read-only"));
                    }
                } catch (GitLabException ex) {
                    complete = false;
                    lines.add("GitLab refused part of the undo: " + ex.userMessage("project")
                            + " — run dkm undo " + runId + " again once fixed");
                } catch (RuntimeException ex) {
                    // no token for that instance any more, an unreachable host …: the rest of the undo goes on
                    complete = false;
                    lines.add("part of the undo could not reach GitLab: " + dev.dkm.remote.UrlRedactor.redact(String.valueOf(ex.getMessage()))
                            + " — run dkm undo " + runId + " again once fixed");
                }
            }
        }
        try (RunJournal journal = RunJournal.open(runsDir, runId)) {
            journal.append(new JournalEntry.RunUndone(clock.instant(), complete ? "undone" : "partly undone"));
        }
        if (complete) {
            // Undo has used the removed lines: the tokens in them are of no further use to dkm.
            JournalScrubber.dropSecrets(runsDir, runId, "the run was undone on " + clock.instant());
        }
        return new UndoReport(runId, lines, complete);
    }

    private static String repoOf(JournalEntry e) {
        if (e instanceof JournalEntry.ConfigChanged c) {
            return c.repo();
        }
        return ((JournalEntry.ConfigSaved) e).repo();
    }

    /** Reverts a config's changes, newest first; "not restored: why" when the user's edits forbid it. */
    private String revert(String environment, Path config, List<JournalEntry> changes) {
        List<String> said = new ArrayList<>();
        for (JournalEntry e : changes) {
            try {
                if (e instanceof JournalEntry.ConfigSaved legacy) {
                    // Journals of earlier versions hold the whole original: put it back (they did so blindly).
                    configs.restore(environment, ConfigSnapshot.fromBase64(config, legacy.originalBase64()));
                    said.add("config restored");
                    continue;
                }
                ConfigPatch.Revert r = configs.revert(environment, config, ((JournalEntry.ConfigChanged) e).patch());
                switch (r.state()) {
                    case RESTORED -> said.add("config restored byte for byte");
                    case MERGED -> said.add("the run's lines reverted; the edits made since were kept");
                    case NOTHING_TO_DO -> said.add("config already as before the run");
                    case CONFLICT -> {
                        return "not restored: " + r.reason() + "; nothing was written — put the old lines back by hand"
                                + " or change them back and run dkm undo again";
                    }
                }
            } catch (IOException ex) {
                return "not restored: " + dev.dkm.remote.UrlRedactor.redact(dev.dkm.files.IoProblems.describe(ex));
            }
        }
        return String.join("; ", said);
    }

    /** Why a key this run attached must stay, or null when it may be removed. */
    private String keepReason(String runId, List<JournalEntry> entries, Set<String> notReverted, String instance,
            long projectId, String fingerprint) {
        List<String> users = new ArrayList<>();
        for (JournalEntry e : entries) {
            String repo = null;
            if (e instanceof JournalEntry.KeyCreated k && RunHistory.matches(k.instance(), k.projectId(), k.fingerprint(), instance, projectId, fingerprint)) {
                repo = k.repo();
            } else if (e instanceof JournalEntry.KeyUsed k && RunHistory.matches(k.instance(), k.projectId(), k.fingerprint(), instance, projectId, fingerprint)) {
                repo = k.repo();
            }
            if (repo != null && notReverted.contains(repo) && !users.contains(repo)) {
                users.add(repo);
            }
        }
        if (!users.isEmpty()) {
            return "still used by " + String.join(", ", users) + ", whose config was not restored";
        }
        try {
            List<String> elsewhere = RunHistory.dependents(runsDir, runId, instance, projectId, fingerprint);
            return elsewhere.isEmpty() ? null : "still used by " + String.join(", ", elsewhere);
        } catch (IOException e) {
            return "the other runs' journals could not be read (" + e.getMessage() + ")";
        }
    }

    private String removeKey(String instance, long projectId, long keyId) {
        try {
            clientForInstance.apply(instance).deleteDeployKey(String.valueOf(projectId), keyId);
            return "deploy key #" + keyId + " removed from project " + projectId;
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.NOT_FOUND) {
                return "deploy key #" + keyId + " was already gone from project " + projectId;
            }
            throw e;
        }
    }

    /**
     * Removes the exact-name rule the run created for its key, and only that one: by the id GitLab gave it, or, when
     * the run ended between the POST and the journal line, a rule of that name that still has the shape dkm gives it
     * (only "No one" and deploy keys may push). A rule that is not the run's any more is left alone, and said so.
     */
    private String removeBranchRule(JournalEntry.BranchRuleAdded b) {
        GitLabClient client = clientForInstance.apply(b.instance());
        String project = String.valueOf(b.projectId());
        dev.dkm.gitlab.ProtectedBranch now;
        try {
            now = client.protectedBranch(project, b.branch());
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.NOT_FOUND) {
                return "the protected-branch rule " + b.branch() + " was already gone from project " + b.projectId();
            }
            throw e;
        }
        boolean ours = b.ruleId() != null ? b.ruleId().equals(now.id())
                : now.pushAccessLevels() != null && now.pushAccessLevels().stream().allMatch(a -> a.deployKeyId() != null
                        || (a.userId() == null && a.groupId() == null && Integer.valueOf(0).equals(a.accessLevel())));
        if (!ours) {
            return "the protected-branch rule " + b.branch() + " on project " + b.projectId() + " kept: it is not the one"
                    + " this run created any more";
        }
        client.unprotectBranch(project, b.branch());
        return "the protected-branch rule " + b.branch() + " this run created was removed from project " + b.projectId();
    }

    /** A key announced but never confirmed: the crash came between the POST and the journal line. */
    private String removeOrphan(JournalEntry.KeyIntended k) {
        GitLabClient client = clientForInstance.apply(k.instance());
        Optional<DeployKey> found = client.projectDeployKeys(String.valueOf(k.projectId())).stream()
                .filter(d -> k.fingerprint().equals(d.fingerprintSha256())).findFirst();
        if (found.isEmpty()) {
            return "no deploy key with " + k.fingerprint() + " was added to project " + k.projectId();
        }
        return removeKey(k.instance(), k.projectId(), found.get().id());
    }
}
