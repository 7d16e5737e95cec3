package dev.dkm.journal;

import java.time.Instant;

/**
 * One line of a run's journal. Written (and fsynced) BEFORE the change it announces, so that after a crash the
 * journal always knows at least as much as the disk and the server.
 */
public sealed interface JournalEntry {
    Instant at();

    /** The run began; {@code description} says what was asked (roots, options) for {@code dkm runs}. */
    record RunStarted(Instant at, String runId, String description) implements JournalEntry {}

    /** A repository's config is about to be rewritten; the exact original bytes, base64. */
    record ConfigSaved(Instant at, String repo, String configFile, String originalBase64) implements JournalEntry {}

    /**
     * A deploy key is about to be registered (intent) — after a crash between the POST and the next line, undo
     * finds the key on the project by fingerprint.
     */
    record KeyIntended(Instant at, String repo, String instance, long projectId, String fingerprint) implements JournalEntry {}

    /** The deploy key exists on the project, and this run created (not merely reused) it. */
    record KeyCreated(Instant at, String repo, String instance, long projectId, long keyId, String fingerprint) implements JournalEntry {}

    /** An existing deploy key's write access was changed; undo sets it back. */
    record KeyAccessChanged(Instant at, String repo, String instance, long projectId, long keyId, boolean previousCanPush)
            implements JournalEntry {}

    /**
     * A file shared by many repositories (a credential store, a global config, an include) is about to get one
     * edit: at byte {@code offset}, {@code removed} is replaced by {@code inserted} (both base64). Undo puts the
     * removed bytes back; only the edited lines are kept here, never a copy of the whole file.
     */
    record FileEdited(Instant at, String file, long offset, String removedBase64, String insertedBase64, String what)
            implements JournalEntry {}

    /** The repository's outcome: {@code converted}, {@code skipped} or {@code failed}, with the reason. */
    record RepoFinished(Instant at, String repo, String outcome, String reason) implements JournalEntry {}

    record RunFinished(Instant at, String summary) implements JournalEntry {}

    /** The run was undone; the journal is kept for the record. */
    record RunUndone(Instant at, String summary) implements JournalEntry {}
}
