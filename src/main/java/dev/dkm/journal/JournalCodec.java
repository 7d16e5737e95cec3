package dev.dkm.journal;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** Journal entries to and from JSON, written by hand so the on-disk format is explicit and stable. */
final class JournalCodec {
    private JournalCodec() {}

    static JsonObject encode(JournalEntry entry) {
        JsonObject o = new JsonObject();
        o.addProperty("at", entry.at().toString());
        if (entry instanceof JournalEntry.RunStarted e) {
            o.addProperty("type", "run-started");
            o.addProperty("runId", e.runId());
            o.addProperty("description", e.description());
        } else if (entry instanceof JournalEntry.ConfigSaved e) {
            o.addProperty("type", "config-saved");
            o.addProperty("repo", e.repo());
            o.addProperty("configFile", e.configFile());
            o.addProperty("original", e.originalBase64());
        } else if (entry instanceof JournalEntry.KeyIntended e) {
            o.addProperty("type", "key-intended");
            o.addProperty("repo", e.repo());
            o.addProperty("instance", e.instance());
            o.addProperty("projectId", e.projectId());
            o.addProperty("fingerprint", e.fingerprint());
        } else if (entry instanceof JournalEntry.KeyCreated e) {
            o.addProperty("type", "key-created");
            o.addProperty("repo", e.repo());
            o.addProperty("instance", e.instance());
            o.addProperty("projectId", e.projectId());
            o.addProperty("keyId", e.keyId());
            o.addProperty("fingerprint", e.fingerprint());
        } else if (entry instanceof JournalEntry.KeyAccessChanged e) {
            o.addProperty("type", "key-access-changed");
            o.addProperty("repo", e.repo());
            o.addProperty("instance", e.instance());
            o.addProperty("projectId", e.projectId());
            o.addProperty("keyId", e.keyId());
            o.addProperty("previousCanPush", e.previousCanPush());
        } else if (entry instanceof JournalEntry.FileEdited e) {
            o.addProperty("type", "file-edited");
            o.addProperty("file", e.file());
            o.addProperty("offset", e.offset());
            o.addProperty("removed", e.removedBase64());
            o.addProperty("inserted", e.insertedBase64());
            o.addProperty("what", e.what());
        } else if (entry instanceof JournalEntry.RepoFinished e) {
            o.addProperty("type", "repo-finished");
            o.addProperty("repo", e.repo());
            o.addProperty("outcome", e.outcome());
            o.addProperty("reason", e.reason());
        } else if (entry instanceof JournalEntry.RunFinished e) {
            o.addProperty("type", "run-finished");
            o.addProperty("summary", e.summary());
        } else if (entry instanceof JournalEntry.RunUndone e) {
            o.addProperty("type", "run-undone");
            o.addProperty("summary", e.summary());
        } else {
            throw new IllegalArgumentException("unknown journal entry " + entry.getClass());
        }
        return o;
    }

    static Optional<JournalEntry> decode(JsonObject o) {
        Instant at = Instant.parse(o.get("at").getAsString());
        String type = o.get("type").getAsString();
        return Optional.ofNullable(switch (type) {
            case "run-started" -> new JournalEntry.RunStarted(at, s(o, "runId"), s(o, "description"));
            case "config-saved" -> new JournalEntry.ConfigSaved(at, s(o, "repo"), s(o, "configFile"), s(o, "original"));
            case "key-intended" -> new JournalEntry.KeyIntended(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), s(o, "fingerprint"));
            case "key-created" -> new JournalEntry.KeyCreated(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), o.get("keyId").getAsLong(), s(o, "fingerprint"));
            case "key-access-changed" -> new JournalEntry.KeyAccessChanged(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), o.get("keyId").getAsLong(), o.get("previousCanPush").getAsBoolean());
            case "file-edited" -> new JournalEntry.FileEdited(at, s(o, "file"), o.get("offset").getAsLong(), s(o, "removed"),
                    s(o, "inserted"), s(o, "what"));
            case "repo-finished" -> new JournalEntry.RepoFinished(at, s(o, "repo"), s(o, "outcome"), s(o, "reason"));
            case "run-finished" -> new JournalEntry.RunFinished(at, s(o, "summary"));
            case "run-undone" -> new JournalEntry.RunUndone(at, s(o, "summary"));
            default -> null; // written by a newer version: skip, do not fail
        });
    }

    private static String s(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }
}
