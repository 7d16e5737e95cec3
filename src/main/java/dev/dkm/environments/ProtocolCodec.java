package dev.dkm.environments;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.dkm.gitconfig.ConfigChange;
import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;
import dev.dkm.setup.AccountSide;
import dev.dkm.setup.KeyChoice;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoLayout;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.SshCommandInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The helper protocol's values to and from JSON, written out by hand so the wire format is explicit (docs/environments.md)
 * and a field added later is ignored by an older reader. Tokens found in a repository cross only redacted.
 */
final class ProtocolCodec {
    private ProtocolCodec() {}

    // ---- repositories (scan) ----

    static JsonObject repo(RepoInfo r) {
        JsonObject o = new JsonObject();
        o.addProperty("path", r.path().toString());
        o.addProperty("root", r.root().toString());
        o.addProperty("gitDir", r.gitDir().toString());
        o.addProperty("layout", r.layout().name());
        o.addProperty("branch", r.branch());
        o.addProperty("status", r.status().name());
        o.addProperty("statusReason", r.statusReason());
        JsonObject ssh = new JsonObject();
        ssh.addProperty("command", r.sshCommand().command());
        JsonArray ids = new JsonArray();
        for (KeyFileInfo k : r.sshCommand().identityFiles()) {
            JsonObject i = new JsonObject();
            i.addProperty("written", k.written());
            i.addProperty("resolved", k.resolved() == null ? null : k.resolved().toString());
            i.addProperty("exists", k.exists());
            i.addProperty("permissions", k.permissions());
            i.addProperty("tooOpen", k.tooOpen());
            ids.add(i);
        }
        ssh.add("identityFiles", ids);
        ssh.addProperty("identitiesOnly", r.sshCommand().identitiesOnly());
        o.add("sshCommand", ssh);
        JsonArray remotes = new JsonArray();
        for (RemoteInfo m : r.remotes()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", m.name());
            j.addProperty("url", m.url());
            j.add("pushUrls", strings(m.pushUrls()));
            j.addProperty("effectiveUrl", m.effectiveUrl());
            j.add("effectivePushUrls", strings(m.effectivePushUrls()));
            j.addProperty("scheme", m.scheme());
            j.addProperty("kind", m.kind() == null ? null : m.kind().name());
            j.addProperty("tokenKind", m.tokenKind() == null ? null : m.tokenKind().name());
            j.addProperty("host", m.host());
            j.addProperty("port", m.port());
            j.addProperty("projectPath", m.projectPath());
            JsonArray tokens = new JsonArray();
            for (FoundToken t : m.tokens()) {
                JsonObject tj = new JsonObject();
                tj.addProperty("location", t.location());
                tj.addProperty("kind", t.kind() == null ? null : t.kind().name());
                tj.addProperty("user", t.user());
                tj.addProperty("redacted", t.secret().redacted()); // the raw token never leaves its environment
                tokens.add(tj);
            }
            j.add("tokens", tokens);
            remotes.add(j);
        }
        o.add("remotes", remotes);
        return o;
    }

    static RepoInfo repo(JsonObject o) {
        JsonObject ssh = o.getAsJsonObject("sshCommand");
        List<KeyFileInfo> ids = new ArrayList<>();
        for (JsonElement e : ssh.getAsJsonArray("identityFiles")) {
            JsonObject i = e.getAsJsonObject();
            ids.add(new KeyFileInfo(s(i, "written"), path(i, "resolved"), i.get("exists").getAsBoolean(), s(i, "permissions"),
                    i.get("tooOpen").getAsBoolean()));
        }
        List<RemoteInfo> remotes = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("remotes")) {
            JsonObject j = e.getAsJsonObject();
            List<FoundToken> tokens = new ArrayList<>();
            for (JsonElement t : j.getAsJsonArray("tokens")) {
                JsonObject tj = t.getAsJsonObject();
                tokens.add(new FoundToken(s(tj, "location"), en(TokenKind.class, s(tj, "kind")), s(tj, "user"),
                        Secret.knownOnlyAs(s(tj, "redacted"))));
            }
            remotes.add(new RemoteInfo(s(j, "name"), s(j, "url"), strings(j, "pushUrls"), s(j, "effectiveUrl"),
                    strings(j, "effectivePushUrls"), s(j, "scheme"), en(RemoteKind.class, s(j, "kind")),
                    en(TokenKind.class, s(j, "tokenKind")), s(j, "host"), nullableInt(j, "port"), s(j, "projectPath"), tokens));
        }
        return new RepoInfo(path(o, "path"), path(o, "root"), path(o, "gitDir"), en(RepoLayout.class, s(o, "layout")),
                s(o, "branch"), en(RepoStatus.class, s(o, "status")), s(o, "statusReason"),
                new SshCommandInfo(s(ssh, "command"), ids, ssh.has("identitiesOnly") && !ssh.get("identitiesOnly").isJsonNull()
                        ? ssh.get("identitiesOnly").getAsBoolean() : null),
                remotes);
    }

    // ---- keys and host keys ----

    static JsonObject keyChoice(KeyChoice k) {
        JsonObject o = new JsonObject();
        o.addProperty("file", k.file().toString());
        o.addProperty("generate", k.generate());
        o.addProperty("publicKey", k.publicKey() == null ? null : k.publicKey().toLine());
        o.addProperty("title", k.title());
        return o;
    }

    static KeyChoice keyChoice(JsonObject o) {
        return new KeyChoice(path(o, "file"), o.get("generate").getAsBoolean(), key(o, "publicKey"), s(o, "title"));
    }

    static JsonObject hostKey(HostKeyStatus h) {
        JsonObject o = new JsonObject();
        o.addProperty("state", h.state().name());
        o.addProperty("host", h.host());
        o.addProperty("port", h.port());
        o.addProperty("presented", h.presented() == null ? null : h.presented().toLine());
        o.addProperty("expected", h.expected() == null ? null : h.expected().toLine());
        o.addProperty("detail", h.detail());
        return o;
    }

    static HostKeyStatus hostKey(JsonObject o) {
        return new HostKeyStatus(en(HostKeyStatus.State.class, s(o, "state")), s(o, "host"), o.get("port").getAsInt(),
                key(o, "presented"), key(o, "expected"), s(o, "detail"));
    }

    static SshPublicKey key(JsonObject o, String name) {
        String line = s(o, name);
        return line == null ? null : SshPublicKey.parse(line);
    }

    static JsonObject generated(AccountSide.GeneratedKey g) {
        JsonObject o = new JsonObject();
        o.addProperty("privateKey", g.privateKey().toString()); // where it is, never what it is
        o.addProperty("publicKey", g.publicKey().toLine());
        o.addProperty("created", g.created());
        return o;
    }

    static AccountSide.GeneratedKey generated(JsonObject o) {
        return new AccountSide.GeneratedKey(path(o, "privateKey"), key(o, "publicKey"), o.get("created").getAsBoolean());
    }

    // ---- config changes ----

    static JsonObject snapshot(ConfigSnapshot c) {
        JsonObject o = new JsonObject();
        o.addProperty("file", c.file().toString());
        o.addProperty("content", c.contentBase64());
        return o;
    }

    static ConfigSnapshot snapshot(JsonObject o) {
        return ConfigSnapshot.fromBase64(path(o, "file"), s(o, "content"));
    }

    static JsonArray ops(List<ConfigOp> ops) {
        JsonArray a = new JsonArray();
        for (ConfigOp op : ops) {
            JsonObject o = new JsonObject();
            o.addProperty("section", op.section());
            o.addProperty("subsection", op.subsection());
            if (op instanceof ConfigOp.Set set) {
                o.addProperty("op", "set");
                o.addProperty("name", set.name());
                o.add("values", strings(set.values()));
            } else if (op instanceof ConfigOp.Unset unset) {
                o.addProperty("op", "unset");
                o.addProperty("name", unset.name());
            } else if (op instanceof ConfigOp.RemoveSection) {
                o.addProperty("op", "remove-section");
            }
            a.add(o);
        }
        return a;
    }

    static List<ConfigOp> ops(JsonArray a) {
        List<ConfigOp> ops = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            String section = s(o, "section");
            String sub = s(o, "subsection");
            ops.add(switch (String.valueOf(s(o, "op"))) {
                case "set" -> new ConfigOp.Set(section, sub, s(o, "name"), strings(o, "values"));
                case "unset" -> new ConfigOp.Unset(section, sub, s(o, "name"));
                case "remove-section" -> new ConfigOp.RemoveSection(section, sub);
                default -> throw new IllegalArgumentException("unknown config op " + s(o, "op"));
            });
        }
        return ops;
    }

    static JsonObject draft(AccountSide.WiringDraft d) {
        JsonObject o = new JsonObject();
        o.addProperty("configFile", d.configFile().toString());
        o.add("original", snapshot(d.original()));
        o.add("ops", ops(d.ops()));
        JsonArray changes = new JsonArray();
        for (ConfigChange c : d.changes()) {
            JsonObject j = new JsonObject();
            j.addProperty("key", c.key());
            j.add("before", strings(c.before()));
            j.add("after", strings(c.after()));
            changes.add(j);
        }
        o.add("changes", changes);
        o.add("problems", strings(d.problems()));
        return o;
    }

    static AccountSide.WiringDraft draft(JsonObject o) {
        List<ConfigChange> changes = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("changes")) {
            JsonObject j = e.getAsJsonObject();
            changes.add(new ConfigChange(s(j, "key"), strings(j, "before"), strings(j, "after")));
        }
        return new AccountSide.WiringDraft(path(o, "configFile"), snapshot(o.getAsJsonObject("original")),
                ops(o.getAsJsonArray("ops")), changes, strings(o, "problems"));
    }

    static JsonObject patch(ConfigPatch p) {
        JsonObject o = new JsonObject();
        o.addProperty("originalSha256", p.originalSha256());
        o.addProperty("writtenSha256", p.writtenSha256());
        JsonArray hunks = new JsonArray();
        for (ConfigPatch.Hunk h : p.hunks()) {
            JsonObject j = new JsonObject();
            j.addProperty("at", h.at());
            j.addProperty("anchor", h.anchor());
            j.add("removed", strings(h.removed()));
            j.add("added", strings(h.added()));
            hunks.add(j);
        }
        o.add("hunks", hunks);
        return o;
    }

    static ConfigPatch patch(JsonObject o) {
        List<ConfigPatch.Hunk> hunks = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("hunks")) {
            JsonObject j = e.getAsJsonObject();
            hunks.add(new ConfigPatch.Hunk(j.get("at").getAsInt(), s(j, "anchor"), strings(j, "removed"), strings(j, "added")));
        }
        return new ConfigPatch(s(o, "originalSha256"), s(o, "writtenSha256"), hunks);
    }

    /** A revert's outcome; the bytes written stay in the environment, only the state and reason come back. */
    static JsonObject revert(ConfigPatch.Revert r) {
        JsonObject o = new JsonObject();
        o.addProperty("state", r.state().name());
        o.addProperty("reason", r.reason());
        return o;
    }

    static ConfigPatch.Revert revert(JsonObject o) {
        return new ConfigPatch.Revert(en(ConfigPatch.Revert.State.class, s(o, "state")), new byte[0], s(o, "reason"));
    }

    // ---- small helpers ----

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static List<String> strings(JsonObject o, String name) {
        List<String> out = new ArrayList<>();
        if (o.has(name) && o.get(name).isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray(name)) {
                out.add(e.isJsonNull() ? null : e.getAsString());
            }
        }
        return out;
    }

    static List<Path> paths(JsonObject o, String name) {
        return strings(o, name).stream().map(Path::of).toList();
    }

    static String s(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e instanceof JsonNull ? null : e.getAsString();
    }

    static Path path(JsonObject o, String name) {
        String v = s(o, name);
        return v == null ? null : Path.of(v);
    }

    static Integer nullableInt(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    static <E extends Enum<E>> E en(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static <T> JsonArray array(List<T> items, Function<T, JsonObject> encode) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(encode.apply(i)));
        return a;
    }
}
