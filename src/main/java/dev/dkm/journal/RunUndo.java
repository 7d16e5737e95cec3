package dev.dkm.journal;

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
 * Undoes a run from its journal: every config it touched gets its original bytes back, every deploy key it added is
 * removed from its project (also one whose POST succeeded just before a crash: found by fingerprint), and every
 * access change is set back. Safe to repeat: what is already undone is skipped.
 */
public final class RunUndo {
    private final Path runsDir;
    private final Function<String, GitLabClient> clientForInstance;
    private final Clock clock;

    public RunUndo(Path runsDir, Function<String, GitLabClient> clientForInstance, Clock clock) {
        this.runsDir = runsDir;
        this.clientForInstance = clientForInstance;
        this.clock = clock;
    }

    public UndoReport undo(String runId) throws IOException {
        Path file = RunJournal.fileOf(runsDir, runId);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no run " + runId + " in " + runsDir);
        }
        List<JournalEntry> entries = RunJournal.read(file);
        List<String> lines = new ArrayList<>();
        boolean complete = true;

        // The earliest saved copy of each config is its true original (a run may touch a config twice).
        Map<String, JournalEntry.ConfigSaved> originals = new LinkedHashMap<>();
        Set<String> createdFingerprints = new HashSet<>();
        for (JournalEntry e : entries) {
            if (e instanceof JournalEntry.ConfigSaved c) {
                originals.putIfAbsent(c.configFile(), c);
            } else if (e instanceof JournalEntry.KeyCreated k) {
                createdFingerprints.add(k.instance() + " " + k.projectId() + " " + k.fingerprint());
            }
        }
        for (JournalEntry.ConfigSaved c : originals.values()) {
            try {
                new GitConfigEditor(Path.of(c.configFile())).restore(ConfigSnapshot.fromBase64(Path.of(c.configFile()), c.originalBase64()));
                lines.add(c.repo() + ": config restored");
            } catch (IOException e) {
                complete = false;
                lines.add(c.repo() + ": could not restore " + c.configFile() + ": " + e.getMessage());
            }
        }
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
                    lines.add(k.repo() + ": " + removeKey(k.instance(), k.projectId(), k.keyId()));
                } else if (e instanceof JournalEntry.KeyIntended k
                        && !createdFingerprints.contains(k.instance() + " " + k.projectId() + " " + k.fingerprint())) {
                    lines.add(k.repo() + ": " + removeOrphan(k));
                } else if (e instanceof JournalEntry.KeyAccessChanged a) {
                    clientForInstance.apply(a.instance()).updateDeployKey(String.valueOf(a.projectId()), a.keyId(), null, a.previousCanPush());
                    lines.add(a.repo() + ": deploy key #" + a.keyId() + " set back to " + (a.previousCanPush() ? "read-write" : "read-only"));
                }
            } catch (GitLabException ex) {
                complete = false;
                lines.add("GitLab refused part of the undo: " + ex.userMessage("project")
                        + " — run dkm undo " + runId + " again once fixed");
            }
        }
        try (RunJournal journal = RunJournal.open(runsDir, runId)) {
            journal.append(new JournalEntry.RunUndone(clock.instant(), complete ? "undone" : "partly undone"));
        }
        return new UndoReport(runId, lines, complete);
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
