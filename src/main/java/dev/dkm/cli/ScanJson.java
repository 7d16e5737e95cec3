package dev.dkm.cli;

import dev.dkm.files.PathNames;
import com.google.gson.stream.JsonWriter;
import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.SshCommandInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code dkm scan --json} document (docs/scan-json.md), written field by field: the records hold
 * {@link dev.dkm.remote.Secret}s, and an explicit mapping is the way to be sure none of them leaks. Streamed,
 * because ten thousand repositories make a document of several megabytes.
 */
final class ScanJson {
    private ScanJson() {}

    static String write(List<RepoInfo> repos) {
        StringWriter out = new StringWriter();
        write(repos, out);
        return out.toString();
    }

    static void write(List<RepoInfo> repos, Writer out) {
        write(repos, Map.of(), out);
    }

    /** With a {@code "gitlab"} object for each repository {@code server} has an answer for ({@code dkm scan --gitlab}). */
    static void write(List<RepoInfo> repos, Map<Path, ServerKeyStatus> server, Writer out) {
        write(repos, server, null, Map.of(), out);
    }

    /**
     * Across environments ({@code --user}, {@code --all-users}): each row starts with its {@code "environment"}, and an
     * environment that could not be scanned is one row {@code {"environment": …, "error": "…"}}.
     */
    static void write(List<RepoInfo> repos, Map<Path, ServerKeyStatus> server,
            java.util.function.Function<RepoInfo, String> environmentOf, Map<String, String> failedEnvironments, Writer out) {
        try {
            // JsonWriter writes a char or a short string at a time; a PrintWriter takes a lock and checks its
            // state on every call. Ten thousand repositories are 12 MB of JSON: buffer them in large pieces.
            Writer buffered = new BufferedWriter(out, 1 << 16);
            JsonWriter w = new JsonWriter(buffered);
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.setSerializeNulls(true);
            w.beginArray();
            for (RepoInfo r : repos) {
                repo(w, r, server.get(r.path()), environmentOf == null ? null : environmentOf.apply(r));
            }
            for (Map.Entry<String, String> failed : failedEnvironments.entrySet()) {
                w.beginObject();
                w.name("environment").value(failed.getKey());
                w.name("error").value(dev.dkm.remote.UrlRedactor.redact(failed.getValue()));
                w.endObject();
            }
            w.endArray();
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void repo(JsonWriter w, RepoInfo r, ServerKeyStatus server, String environment) throws IOException {
        w.beginObject();
        if (environment != null) {
            w.name("environment").value(environment);
        }
        w.name("path").value(r.relativePath());
        w.name("absolutePath").value(r.displayPath());
        w.name("gitDir").value(PathNames.display(r.gitDir()));
        w.name("bare").value(r.bare());
        w.name("layout").value(r.layout().id());
        w.name("branch").value(r.branch());
        w.name("status").value(r.status().id());
        w.name("statusReason").value(r.statusReason());
        w.name("sshCommand");
        sshCommand(w, r.sshCommand());
        w.name("remotes").beginArray();
        for (RemoteInfo remote : r.remotes()) {
            remote(w, remote);
        }
        w.endArray();
        if (server != null) {
            w.name("gitlab");
            gitlab(w, server);
        }
        w.endObject();
    }

    private static void gitlab(JsonWriter w, ServerKeyStatus s) throws IOException {
        w.beginObject();
        w.name("state").value(s.state().id());
        w.name("project").value(s.project());
        w.name("deployKeyId").value(s.deployKeyId());
        w.name("canPush").value(s.canPush());
        w.name("expiresAt").value(s.expiresAt() == null ? null : s.expiresAt().toString());
        w.name("detail").value(s.detail());
        w.endObject();
    }

    private static void sshCommand(JsonWriter w, SshCommandInfo s) throws IOException {
        w.beginObject();
        w.name("command").value(s.command());
        w.name("identityFiles").beginArray();
        for (KeyFileInfo k : s.identityFiles()) {
            w.beginObject();
            w.name("path").value(k.resolved().toString());
            w.name("written").value(k.written());
            w.name("exists").value(k.exists());
            w.name("permissions").value(k.permissions());
            w.name("tooOpen").value(k.tooOpen());
            w.endObject();
        }
        w.endArray();
        w.name("identitiesOnly").value(s.identitiesOnly());
        w.endObject();
    }

    private static void remote(JsonWriter w, RemoteInfo r) throws IOException {
        w.beginObject();
        w.name("name").value(r.name());
        w.name("url").value(r.url());
        w.name("pushUrls");
        strings(w, r.pushUrls());
        w.name("effectiveUrl").value(r.effectiveUrl());
        w.name("effectivePushUrls");
        strings(w, r.effectivePushUrls());
        w.name("scheme").value(r.scheme());
        w.name("kind").value(r.kind().id());
        w.name("tokenKind").value(r.tokenKind().id());
        w.name("host").value(r.host());
        w.name("port").value(r.port());
        w.name("projectPath").value(r.projectPath());
        w.name("tokens").beginArray();
        for (FoundToken t : r.tokens()) {
            w.beginObject();
            w.name("location").value(t.location());
            w.name("kind").value(t.kind().id());
            w.name("user").value(t.user());
            w.name("redacted").value(t.secret().redacted());
            w.name("where").value(t.where());
            w.name("file").value(t.file() == null ? null : t.file().toString());
            w.name("origin").value(t.origin());
            w.name("key").value(t.key());
            w.name("shared").value(t.shared());
            w.endObject();
        }
        w.endArray();
        w.name("otherHelpers");
        strings(w, r.otherHelpers());
        w.endObject();
    }

    private static void strings(JsonWriter w, List<String> values) throws IOException {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
