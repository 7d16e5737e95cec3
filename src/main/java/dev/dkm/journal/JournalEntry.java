package dev.dkm.journal;

import dev.dkm.remote.UrlRedactor;
import java.time.Instant;

/**
 * One line of a run's journal. Written (and fsynced) BEFORE the change it announces, so that after a crash the
 * journal always knows at least as much as the disk and the server.
 */
public sealed interface JournalEntry {
    Instant at();

    /**
     * The run began; {@code description} says what was asked (roots, options) for {@code dkm runs}; {@code options}
     * are what a resume must do again (null in journals written before they were recorded, and for undo-only runs).
     */
    record RunStarted(Instant at, String runId, String description, RunOptions options) implements JournalEntry {
        public RunStarted(Instant at, String runId, String description) {
            this(at, runId, description, null);
        }
    }

    /** What a run was asked to do, so that {@code --resume} does the same to the repositories left. */
    record RunOptions(boolean readOnly, boolean sharedKey, String expiresOn, boolean allowProtectedPush) {}

    /**
     * Written by versions before {@link ConfigChanged}: the whole original config, base64. Still read so that old
     * runs can be undone; never written any more.
     */
    record ConfigSaved(Instant at, String repo, String configFile, String originalBase64) implements JournalEntry {}

    /**
     * A repository's config is about to be rewritten: only the run's own lines (those it removes — they may hold the
     * token it takes out — and those it adds) and digests of the file before and after, so that undo can tell whether
     * the user edited it since. {@code environment} is where the file lives (another account or container, whose
     * helper reverts it on undo); null for the caller's own account.
     */
    record ConfigChanged(Instant at, String repo, String configFile, dev.dkm.gitconfig.ConfigPatch patch, String environment)
            implements JournalEntry {
        public ConfigChanged(Instant at, String repo, String configFile, dev.dkm.gitconfig.ConfigPatch patch) {
            this(at, repo, configFile, patch, null);
        }
    }

    /**
     * A repository is wired to a deploy key this run did not create (already on the project, or created by another
     * repository of the run): it depends on it, so no rollback or undo may remove it while it stays converted.
     */
    record KeyUsed(Instant at, String repo, String instance, long projectId, long keyId, String fingerprint)
            implements JournalEntry {}

    /**
     * A deploy key is about to be registered (intent) — after a crash between the POST and the next line, undo
     * finds the key on the project by fingerprint.
     */
    record KeyIntended(Instant at, String repo, String instance, long projectId, String fingerprint) implements JournalEntry {}

    /** The deploy key exists on the project, and this run created (not merely reused) it. */
    record KeyCreated(Instant at, String repo, String instance, long projectId, long keyId, String fingerprint) implements JournalEntry {}

    /**
     * A protected-branch rule for {@code branch} by its exact name is about to be created for the run's deploy key
     * ({@code ruleId} null), or was ({@code ruleId} the rule GitLab created). Undo removes that rule, and only while
     * GitLab still has it under that id (a rule deleted and made again by someone else since stays).
     */
    record BranchRuleAdded(Instant at, String repo, String instance, long projectId, String branch, Long ruleId)
            implements JournalEntry {}

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
    record RepoFinished(Instant at, String repo, String outcome, String reason) implements JournalEntry {
        public RepoFinished {
            reason = UrlRedactor.redact(reason); // a journal never keeps a token in a failure text
        }
    }

    record RunFinished(Instant at, String summary) implements JournalEntry {}

    /** The run was undone; the journal is kept for the record (without the secrets undo no longer needs). */
    record RunUndone(Instant at, String summary) implements JournalEntry {}

    /**
     * Tokens taken out of the journal's removed lines (after an undo, a revocation or by pruning): undo restores
     * those lines without them and says why ({@code reason}, e.g. "revoked").
     */
    record SecretsDropped(Instant at, String reason) implements JournalEntry {}
}
