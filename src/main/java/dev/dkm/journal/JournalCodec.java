package dev.dkm.journal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dkm.gitconfig.ConfigPatch;
import java.util.ArrayList;
import java.util.List;
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
            if (e.options() != null) {
                JsonObject opts = new JsonObject();
                opts.addProperty("readOnly", e.options().readOnly());
                opts.addProperty("sharedKey", e.options().sharedKey());
                opts.addProperty("expiresOn", e.options().expiresOn());
                opts.addProperty("allowProtectedPush", e.options().allowProtectedPush());
                o.add("options", opts);
            }
        } else if (entry instanceof JournalEntry.ConfigChanged e) {
            o.addProperty("type", "config-changed");
            o.addProperty("repo", e.repo());
            o.addProperty("configFile", e.configFile());
            if (e.environment() != null) {
                o.addProperty("environment", e.environment());
            }
            o.addProperty("originalSha256", e.patch().originalSha256());
            o.addProperty("writtenSha256", e.patch().writtenSha256());
            JsonArray hunks = new JsonArray();
            for (ConfigPatch.Hunk h : e.patch().hunks()) {
                JsonObject ho = new JsonObject();
                ho.addProperty("at", h.at());
                ho.addProperty("anchor", h.anchor());
                ho.add("removed", strings(h.removed()));
                ho.add("added", strings(h.added()));
                hunks.add(ho);
            }
            o.add("hunks", hunks);
        } else if (entry instanceof JournalEntry.KeyUsed e) {
            o.addProperty("type", "key-used");
            o.addProperty("repo", e.repo());
            o.addProperty("instance", e.instance());
            o.addProperty("projectId", e.projectId());
            o.addProperty("keyId", e.keyId());
            o.addProperty("fingerprint", e.fingerprint());
        } else if (entry instanceof JournalEntry.SecretsDropped e) {
            o.addProperty("type", "secrets-dropped");
            o.addProperty("reason", e.reason());
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
        } else if (entry instanceof JournalEntry.BranchRuleAdded e) {
            o.addProperty("type", "branch-rule-added");
            o.addProperty("repo", e.repo());
            o.addProperty("instance", e.instance());
            o.addProperty("projectId", e.projectId());
            o.addProperty("branch", e.branch());
            if (e.ruleId() != null) {
                o.addProperty("ruleId", e.ruleId());
            }
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
            case "run-started" -> new JournalEntry.RunStarted(at, s(o, "runId"), s(o, "description"), options(o));
            case "config-changed" -> new JournalEntry.ConfigChanged(at, s(o, "repo"), s(o, "configFile"),
                    new ConfigPatch(s(o, "originalSha256"), s(o, "writtenSha256"), hunks(o.getAsJsonArray("hunks"))),
                    s(o, "environment"));
            case "key-used" -> new JournalEntry.KeyUsed(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), o.get("keyId").getAsLong(), s(o, "fingerprint"));
            case "secrets-dropped" -> new JournalEntry.SecretsDropped(at, s(o, "reason"));
            case "config-saved" -> new JournalEntry.ConfigSaved(at, s(o, "repo"), s(o, "configFile"), s(o, "original"));
            case "key-intended" -> new JournalEntry.KeyIntended(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), s(o, "fingerprint"));
            case "key-created" -> new JournalEntry.KeyCreated(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), o.get("keyId").getAsLong(), s(o, "fingerprint"));
            case "branch-rule-added" -> new JournalEntry.BranchRuleAdded(at, s(o, "repo"), s(o, "instance"),
                    o.get("projectId").getAsLong(), s(o, "branch"),
                    o.has("ruleId") && !o.get("ruleId").isJsonNull() ? o.get("ruleId").getAsLong() : null);
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

    private static JournalEntry.RunOptions options(JsonObject o) {
        if (!o.has("options") || !o.get("options").isJsonObject()) {
            return null;
        }
        JsonObject opts = o.getAsJsonObject("options");
        return new JournalEntry.RunOptions(opts.get("readOnly").getAsBoolean(), opts.get("sharedKey").getAsBoolean(),
                s(opts, "expiresOn"), opts.has("allowProtectedPush") && opts.get("allowProtectedPush").getAsBoolean());
    }

    private static List<ConfigPatch.Hunk> hunks(JsonArray array) {
        List<ConfigPatch.Hunk> hunks = new ArrayList<>();
        for (JsonElement el : array) {
            JsonObject h = el.getAsJsonObject();
            hunks.add(new ConfigPatch.Hunk(h.get("at").getAsInt(), s(h, "anchor"), list(h.getAsJsonArray("removed")),
                    list(h.getAsJsonArray("added"))));
        }
        return hunks;
    }

    private static List<String> list(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String s(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }
}
