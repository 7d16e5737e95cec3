package dev.dkm.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.SshCommandInfo;
import java.util.List;

/**
 * The {@code dkm scan --json} document (docs/scan-json.md), mapped field by field: the records hold
 * {@link dev.dkm.remote.Secret}s, and an explicit mapping is the way to be sure none of them leaks.
 */
final class ScanJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private ScanJson() {}

    static String write(List<RepoInfo> repos) {
        JsonArray array = new JsonArray();
        repos.forEach(r -> array.add(repo(r)));
        return GSON.toJson(array);
    }

    private static JsonObject repo(RepoInfo r) {
        JsonObject o = new JsonObject();
        o.addProperty("path", r.relativePath());
        o.addProperty("absolutePath", r.path().toString());
        o.addProperty("gitDir", r.gitDir().toString());
        o.addProperty("bare", r.bare());
        o.addProperty("layout", r.layout().id());
        o.addProperty("branch", r.branch());
        o.addProperty("status", r.status().id());
        o.addProperty("statusReason", r.statusReason());
        o.add("sshCommand", sshCommand(r.sshCommand()));
        JsonArray remotes = new JsonArray();
        r.remotes().forEach(rem -> remotes.add(remote(rem)));
        o.add("remotes", remotes);
        return o;
    }

    private static JsonObject sshCommand(SshCommandInfo s) {
        JsonObject o = new JsonObject();
        o.addProperty("command", s.command());
        JsonArray keys = new JsonArray();
        for (KeyFileInfo k : s.identityFiles()) {
            JsonObject key = new JsonObject();
            key.addProperty("path", k.resolved().toString());
            key.addProperty("written", k.written());
            key.addProperty("exists", k.exists());
            key.addProperty("permissions", k.permissions());
            key.addProperty("tooOpen", k.tooOpen());
            keys.add(key);
        }
        o.add("identityFiles", keys);
        o.addProperty("identitiesOnly", s.identitiesOnly());
        return o;
    }

    private static JsonObject remote(RemoteInfo r) {
        JsonObject o = new JsonObject();
        o.addProperty("name", r.name());
        o.addProperty("url", r.url());
        o.add("pushUrls", strings(r.pushUrls()));
        o.addProperty("effectiveUrl", r.effectiveUrl());
        o.add("effectivePushUrls", strings(r.effectivePushUrls()));
        o.addProperty("scheme", r.scheme());
        o.addProperty("kind", r.kind().id());
        o.addProperty("tokenKind", r.tokenKind().id());
        o.addProperty("host", r.host());
        o.addProperty("port", r.port());
        o.addProperty("projectPath", r.projectPath());
        JsonArray tokens = new JsonArray();
        r.tokens().forEach(t -> {
            JsonObject tok = new JsonObject();
            tok.addProperty("location", t.location());
            tok.addProperty("kind", t.kind().id());
            tok.addProperty("user", t.user());
            tok.addProperty("redacted", t.secret().redacted());
            tokens.add(tok);
        });
        o.add("tokens", tokens);
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
