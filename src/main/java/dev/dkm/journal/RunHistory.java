package dev.dkm.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What all the journals in {@code runs/} say together: which repositories depend on which deploy key. */
public final class RunHistory {
    private RunHistory() {}

    /**
     * Repositories of runs other than {@code exceptRunId} that depend on the deploy key {@code fingerprint} of
     * {@code projectId}: wired to it (created or reused) and not failed, in a run not undone. A run still going or
     * killed counts: its repositories may be wired already. As {@code "repo (run ID)"}.
     */
    public static List<String> dependents(Path runsDir, String exceptRunId, String instance, long projectId, String fingerprint)
            throws IOException {
        List<String> users = new ArrayList<>();
        for (String runId : RunJournal.list(runsDir)) {
            if (runId.equals(exceptRunId)) {
                continue;
            }
            Path file = RunJournal.fileOf(runsDir, runId);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<JournalEntry> entries = RunJournal.read(file);
            boolean undone = entries.stream().anyMatch(e -> e instanceof JournalEntry.RunUndone u && "undone".equals(u.summary()));
            if (undone) {
                continue;
            }
            Set<String> wired = new LinkedHashSet<>();
            Map<String, String> outcome = new HashMap<>();
            for (JournalEntry e : entries) {
                if (e instanceof JournalEntry.KeyCreated k && matches(k.instance(), k.projectId(), k.fingerprint(), instance, projectId, fingerprint)) {
                    wired.add(k.repo());
                } else if (e instanceof JournalEntry.KeyUsed k && matches(k.instance(), k.projectId(), k.fingerprint(), instance, projectId, fingerprint)) {
                    wired.add(k.repo());
                } else if (e instanceof JournalEntry.RepoFinished f) {
                    outcome.put(f.repo(), f.outcome());
                }
            }
            for (String repo : wired) {
                if (!"failed".equals(outcome.get(repo))) {
                    users.add(repo + " (run " + runId + ")");
                }
            }
        }
        return users;
    }

    static boolean matches(String i1, long p1, String f1, String i2, long p2, String f2) {
        return p1 == p2 && String.valueOf(i1).equals(i2) && String.valueOf(f1).equals(f2);
    }
}
