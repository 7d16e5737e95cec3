package dev.dkm.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run (a setup, a bulk conversion) owns: its journal, the locks that keep other runs off its repositories and
 * key files, and its deploy-key attachments — which ones it created and which of its repositories depend on each.
 * A rollback asks {@link #release} before removing a key: only a key this run created, that no other repository of
 * the run still depends on and that no repository converted by another run uses, may go.
 */
public final class RunLedger implements AutoCloseable {
    private final java.util.Set<String> generatedKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Object> keyFileMutexes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path runsDir;
    private final String runId;
    private final RunJournal journal;
    private final RunLocks locks;
    private final Map<String, Attachment> attachments = new HashMap<>();

    /** One deploy key on one project, as this run knows it. */
    private static final class Attachment {
        Long keyId;
        boolean created;
        final Set<String> users = new LinkedHashSet<>();
    }

    private RunLedger(Path runsDir, String runId, RunJournal journal, RunLocks locks) {
        this.runsDir = runsDir;
        this.runId = runId;
        this.journal = journal;
        this.locks = locks;
    }

    /** The journal folder cannot be written: the run did not start, nothing was changed. */
    public static final class Unwritable extends IOException {
        Unwritable(Path runsDir, IOException cause) {
            super("the run journal cannot be written in " + runsDir + " (" + dev.dkm.files.IoProblems.describe(cause)
                    + "); nothing was changed — make that folder writable, or point DKM_DATA_DIR elsewhere", cause);
        }
    }

    /**
     * Opens the run's journal (appending to it when the run is resumed) and its locks.
     *
     * @throws Unwritable when the journal folder cannot be written (nothing was changed)
     */
    public static RunLedger open(Path runsDir, String runId) throws IOException {
        RunJournal journal;
        try {
            journal = RunJournal.open(runsDir, runId);
        } catch (IOException e) {
            throw new Unwritable(runsDir, e);
        }
        try {
            return new RunLedger(runsDir, runId, journal, RunLocks.open(runsDir, runId));
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    public String runId() {
        return runId;
    }

    public Path runsDir() {
        return runsDir;
    }

    public void append(JournalEntry entry) throws IOException {
        journal.append(entry);
    }

    /**
     * Takes the locks of a repository's config and key file for the rest of the run.
     *
     * @return null when taken, else the sentence saying which run holds them (nothing was taken then)
     */
    public String tryLock(Collection<String> resources) throws IOException {
        return locks.tryLock(resources);
    }

    private static String id(String instance, long projectId, String fingerprint) {
        return instance + " " + projectId + " " + fingerprint;
    }

    /** The object a repository holds while it registers or releases this attachment (its siblings wait). */
    public synchronized Object mutex(String instance, long projectId, String fingerprint) {
        return attachments.computeIfAbsent(id(instance, projectId, fingerprint), k -> new Attachment());
    }

    /**
     * A key this run generated (its fingerprint): nobody else can have attached it anywhere — it did not exist before
     * the run, and the run holds its key file's lock — so registering it needs no look-up first.
     */
    public void generated(String fingerprint) {
        generatedKeys.add(fingerprint);
    }

    /** The lock a run's repositories take in turn to generate (or find) the key in one key file. */
    public Object keyFileMutex(String environment, String keyFile) {
        return keyFileMutexes.computeIfAbsent(environment + "\0" + keyFile, k -> new Object());
    }

    public boolean generatedInThisRun(String fingerprint) {
        return generatedKeys.contains(fingerprint);
    }

    /** The deploy key id this run already attached for another of its repositories, or null. */
    public synchronized Long attached(String instance, long projectId, String fingerprint) {
        Attachment a = attachments.get(id(instance, projectId, fingerprint));
        return a == null ? null : a.keyId;
    }

    /** {@code repo} depends on a deploy key this run created; journaled. */
    public void created(String repo, String instance, long projectId, long keyId, String fingerprint) throws IOException {
        journal.append(new JournalEntry.KeyCreated(java.time.Instant.now(), repo, instance, projectId, keyId, fingerprint));
        synchronized (this) {
            Attachment a = attachments.computeIfAbsent(id(instance, projectId, fingerprint), k -> new Attachment());
            a.keyId = keyId;
            a.created = true;
            a.users.add(repo);
        }
    }

    /** {@code repo} depends on a deploy key this run did not create (or another repository of the run did); journaled. */
    public void used(String repo, String instance, long projectId, long keyId, String fingerprint) throws IOException {
        journal.append(new JournalEntry.KeyUsed(java.time.Instant.now(), repo, instance, projectId, keyId, fingerprint));
        synchronized (this) {
            Attachment a = attachments.computeIfAbsent(id(instance, projectId, fingerprint), k -> new Attachment());
            if (a.keyId == null) {
                a.keyId = keyId;
            }
            a.users.add(repo);
        }
    }

    /**
     * {@code repo}'s setup failed and no longer depends on the attachment. Call it holding {@link #mutex}.
     *
     * @return null when the key may be removed from the project (this run created it, nothing else uses it), else why
     *     it must stay
     */
    public String release(String repo, String instance, long projectId, String fingerprint) throws IOException {
        List<String> elsewhere;
        synchronized (this) {
            Attachment a = attachments.get(id(instance, projectId, fingerprint));
            if (a == null) {
                return "this run did not attach it";
            }
            a.users.remove(repo);
            if (!a.created) {
                return "this run did not create it";
            }
            if (!a.users.isEmpty()) {
                return "still used by " + String.join(", ", a.users) + " (this run)";
            }
        }
        elsewhere = RunHistory.dependents(runsDir, runId, instance, projectId, fingerprint);
        if (!elsewhere.isEmpty()) {
            return "still used by " + String.join(", ", elsewhere);
        }
        return null;
    }

    /** The key is gone from the project: a later repository of the run must register it again. */
    public synchronized void removed(String instance, long projectId, String fingerprint) {
        Attachment a = attachments.get(id(instance, projectId, fingerprint));
        if (a != null) {
            a.keyId = null;
            a.created = false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            locks.close();
        } finally {
            journal.close();
        }
    }
}
