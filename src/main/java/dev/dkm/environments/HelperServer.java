package dev.dkm.environments;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.AppVersion;
import dev.dkm.gitconfig.ConfigChangedMeanwhileException;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.remote.UrlRedactor;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.setup.ThisAccount;
import dev.dkm.task.Progress;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.ScanResult;
import dev.dkm.workspace.WorkspaceScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The helper end of the protocol ({@code dkm helper --protocol 1}): runs as the environment's account, reads one JSON
 * request per line on stdin, answers one JSON line on stdout, until stdin closes. Every operation is the same code the
 * caller runs for its own account ({@link ThisAccount}, {@link WorkspaceScanner}); the helper only translates.
 * It holds no token and makes no GitLab call.
 */
public final class HelperServer {
    /** Requests are small; the largest is a config's original bytes for undo. */
    static final int MAX_REQUEST = 16 * 1024 * 1024;
    /** Subcommands git may run for the caller: verification only. */
    private static final Set<String> GIT_COMMANDS = Set.of("ls-remote", "remote");

    private final ThisAccount account;
    private final Path home;

    public HelperServer(ThisAccount account, Path home) {
        this.account = account;
        this.home = home;
    }

    /** The account this process runs as, with its own home, key folder and known_hosts. */
    public static HelperServer forThisAccount() {
        SshEnvironment env = SshEnvironment.forCurrentUser();
        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(15)));
        return new HelperServer(new ThisAccount(env, hostKeys, new GitRunner("git", Map.of(), 120)),
                Path.of(System.getProperty("user.home")));
    }

    /** Serves until {@code in} ends or a {@code bye} arrives; returns the process exit code. */
    public int serve(InputStream in, OutputStream out) throws IOException {
        JsonLines lines = new JsonLines(in, MAX_REQUEST);
        boolean greeted = false;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (JsonLines.TooLong e) {
                write(out, error(0, "request refused: " + e.getMessage(), "failed"));
                return 2;
            }
            if (line == null) {
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonObject request;
            long id;
            try {
                request = JsonParser.parseString(line).getAsJsonObject();
                id = request.get("id").getAsLong();
            } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
                write(out, error(0, "request refused: not a protocol line", "failed"));
                return 2;
            }
            String op = ProtocolCodec.s(request, "op");
            if (!greeted && !"hello".equals(op)) {
                write(out, error(id, "the first request must be hello", "failed"));
                return 2;
            }
            if ("bye".equals(op)) {
                write(out, ok(id, new JsonObject()));
                return 0;
            }
            JsonObject answer;
            try {
                answer = ok(id, handle(op, request.has("args") ? request.getAsJsonObject("args") : new JsonObject()));
                if ("hello".equals(op)) {
                    greeted = true;
                }
            } catch (ConfigChangedMeanwhileException e) {
                answer = error(id, e.getMessage(), "changed-meanwhile");
            } catch (IOException e) { // one line the user can act on ("….git/config.lock: permission denied"), not a bare path
                answer = error(id, dev.dkm.files.IoProblems.describe(e), "failed");
            } catch (RuntimeException e) {
                answer = error(id, String.valueOf(e.getMessage()), "failed");
            }
            write(out, answer);
        }
    }

    private JsonObject handle(String op, JsonObject a) throws IOException {
        JsonObject r = new JsonObject();
        switch (String.valueOf(op)) {
            case "hello" -> {
                int asked = a.has("protocol") ? a.get("protocol").getAsInt() : -1;
                if (asked != JsonLines.PROTOCOL) {
                    throw new IOException("this dkm " + AppVersion.version() + " speaks helper protocol "
                            + JsonLines.PROTOCOL + ", not " + asked + ": install the same dkm version in both places");
                }
                r.addProperty("protocol", JsonLines.PROTOCOL);
                r.addProperty("dkm", AppVersion.version());
                r.addProperty("user", System.getProperty("user.name"));
                r.addProperty("home", home.toString());
                r.addProperty("identity", account.identity());
            }
            case "scan" -> {
                List<Path> roots = ProtocolCodec.paths(a, "roots");
                if (roots.isEmpty()) {
                    roots = RememberedRoots.orHome(home);
                }
                Set<String> ignored = new HashSet<>(ScanOptions.DEFAULT_IGNORED);
                ignored.addAll(ProtocolCodec.strings(a, "ignore"));
                int depth = a.has("maxDepth") ? a.get("maxDepth").getAsInt() : ScanOptions.DEFAULT_MAX_DEPTH;
                List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
                ScanResult result = new WorkspaceScanner(new ScanOptions(depth, ignored)).scanAll(existing, Progress.NONE);
                r.add("roots", ProtocolCodec.strings(roots.stream().map(Path::toString).toList()));
                r.add("missingRoots", ProtocolCodec.strings(roots.stream().filter(p -> !Files.isDirectory(p)).map(Path::toString).toList()));
                r.add("repos", ProtocolCodec.array(result.repos(), ProtocolCodec::repo));
                r.add("unreadable", ProtocolCodec.strings(result.unreadableFolders().stream().map(Path::toString).toList()));
            }
            case "chooseKey" -> r = ProtocolCodec.keyChoice(account.chooseKey(ProtocolCodec.path(a, "wiredKey"),
                    ProtocolCodec.s(a, "instanceHost"), ProtocolCodec.s(a, "projectPath"),
                    a.has("projectId") && !a.get("projectId").isJsonNull() ? a.get("projectId").getAsLong() : null,
                    a.get("shared").getAsBoolean()));
            case "checkHostKey" -> r = ProtocolCodec.hostKey(account.checkHostKey(ProtocolCodec.s(a, "host"), a.get("port").getAsInt()));
            case "draftWiring" -> r = ProtocolCodec.draft(account.draftWiring(ProtocolCodec.path(a, "gitDir"),
                    ProtocolCodec.s(a, "remote"), ProtocolCodec.s(a, "sshUrl"), ProtocolCodec.path(a, "keyFile")));
            case "generateKey" -> r = ProtocolCodec.generated(account.generateKey(ProtocolCodec.path(a, "file"),
                    ProtocolCodec.s(a, "comment")));
            case "trustHostKey" -> r.addProperty("knownHosts", account.trustHostKey(ProtocolCodec.s(a, "host"),
                    a.get("port").getAsInt(), ProtocolCodec.key(a, "key")));
            case "renderConfig" -> r.addProperty("content", java.util.Base64.getEncoder().encodeToString(account.renderConfig(
                    ProtocolCodec.snapshot(a.getAsJsonObject("expected")), ProtocolCodec.ops(a.getAsJsonArray("ops")))));
            case "writeConfig" -> account.writeConfig(ProtocolCodec.snapshot(a.getAsJsonObject("expected")),
                    java.util.Base64.getDecoder().decode(ProtocolCodec.s(a, "content")));
            case "revertConfig" -> r = ProtocolCodec.revert(account.revertConfig(ProtocolCodec.path(a, "file"),
                    ProtocolCodec.patch(a.getAsJsonObject("patch"))));
            case "restoreConfig" -> account.restoreConfig(ProtocolCodec.snapshot(a.getAsJsonObject("original")));
            case "git" -> {
                List<String> args = ProtocolCodec.strings(a, "args");
                String sub = args.stream().dropWhile(w -> w.equals("-c") || w.startsWith("protocol.")).findFirst().orElse("");
                if (!GIT_COMMANDS.contains(sub)) {
                    throw new IOException("the helper runs git " + GIT_COMMANDS + " only, not " + sub);
                }
                dev.dkm.setup.GitRunner.Result g = account.git(ProtocolCodec.path(a, "repo"), args);
                r.addProperty("exit", g.exitCode());
                r.addProperty("stdout", g.stdout());
                r.addProperty("stderr", g.stderr());
            }
            default -> throw new IOException("unknown operation " + op);
        }
        return r;
    }

    private static JsonObject ok(long id, JsonObject result) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("ok", true);
        o.add("result", result);
        return o;
    }

    private static JsonObject error(long id, String message, String kind) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("ok", false);
        o.addProperty("kind", kind);
        o.addProperty("error", UrlRedactor.redact(message));
        return o;
    }

    private static void write(OutputStream out, JsonObject o) throws IOException {
        out.write((o + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
