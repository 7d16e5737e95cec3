package dev.dkm.environments;

import com.google.gson.JsonObject;
import dev.dkm.gitconfig.ConfigChangedMeanwhileException;
import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.setup.AccountSide;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.KeyChoice;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Another environment's side of a setup, each step asked of its helper over the protocol. */
public final class HelperSide implements AccountSide, AutoCloseable {
    private final EnvironmentSpec spec;
    private final HelperConnection connection;
    private final HelperLimits limits;
    private final String user;
    private final Path home;
    private final String identity;

    private HelperSide(EnvironmentSpec spec, HelperConnection connection, HelperLimits limits, JsonObject hello) {
        this.spec = spec;
        this.connection = connection;
        this.limits = limits;
        this.user = ProtocolCodec.s(hello, "user");
        this.home = ProtocolCodec.path(hello, "home");
        this.identity = ProtocolCodec.s(hello, "identity");
    }

    /** Starts the helper and greets it (the protocol version must match), or says in one sentence why not. */
    static HelperSide open(EnvironmentSpec spec, Launch launch, HelperLimits limits) throws EnvironmentException {
        HelperConnection c = HelperConnection.start(spec.id(), launch.command(spec), limits, launch.failureFor(spec));
        JsonObject hello = new JsonObject();
        hello.addProperty("protocol", JsonLines.PROTOCOL);
        try {
            JsonObject answer = c.call("hello", hello, limits.start());
            if (ProtocolCodec.s(answer, "identity") == null || ProtocolCodec.s(answer, "home") == null) {
                throw c.fail("the helper answered something that is not the protocol");
            }
            return new HelperSide(spec, c, limits, answer);
        } catch (EnvironmentException e) {
            c.close();
            throw e.environmentFailed() ? e : new EnvironmentException(spec.id(), e.getMessage(), true);
        }
    }

    public EnvironmentSpec spec() {
        return spec;
    }

    public String user() {
        return user;
    }

    public Path home() {
        return home;
    }

    @Override
    public String environment() {
        return spec.id();
    }

    @Override
    public String identity() {
        return identity;
    }

    /** What the helper found: the roots it scanned (the given ones, else the account's remembered ones, else its home). */
    public record Scan(List<Path> roots, List<Path> missingRoots, List<RepoInfo> repos, List<Path> unreadable) {}

    public Scan scan(List<Path> roots, ScanOptions options) throws EnvironmentException {
        JsonObject a = new JsonObject();
        a.add("roots", ProtocolCodec.strings(roots.stream().map(Path::toString).toList()));
        a.addProperty("maxDepth", options.maxDepth());
        a.add("ignore", ProtocolCodec.strings(new ArrayList<>(options.ignoredNames())));
        JsonObject r = connection.call("scan", a, limits.scan());
        try {
            List<RepoInfo> repos = new ArrayList<>();
            r.getAsJsonArray("repos").forEach(e -> repos.add(ProtocolCodec.repo(e.getAsJsonObject()).inEnvironment(spec.id())));
            return new Scan(ProtocolCodec.paths(r, "roots"), ProtocolCodec.paths(r, "missingRoots"), repos,
                    ProtocolCodec.paths(r, "unreadable"));
        } catch (RuntimeException e) {
            throw connection.fail("the helper answered something that is not the protocol");
        }
    }

    @Override
    public KeyChoice chooseKey(Path wiredKey, String instanceHost, String projectPath, Long projectId, boolean shared)
            throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("wiredKey", wiredKey == null ? null : wiredKey.toString());
        a.addProperty("instanceHost", instanceHost);
        a.addProperty("projectPath", projectPath);
        a.addProperty("projectId", projectId);
        a.addProperty("shared", shared);
        return decode(() -> ProtocolCodec.keyChoice(call("chooseKey", a)));
    }

    @Override
    public HostKeyStatus checkHostKey(String host, int port) {
        JsonObject a = new JsonObject();
        a.addProperty("host", host);
        a.addProperty("port", port);
        try {
            return decode(() -> ProtocolCodec.hostKey(call("checkHostKey", a)));
        } catch (IOException e) {
            return new HostKeyStatus(HostKeyStatus.State.UNREACHABLE, host, port, null, null,
                    "the host key could not be checked in " + spec.id() + ": " + e.getMessage());
        }
    }

    @Override
    public WiringDraft draftWiring(Path gitDir, String remote, String sshUrl, Path keyFile) throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("gitDir", gitDir.toString());
        a.addProperty("remote", remote);
        a.addProperty("sshUrl", sshUrl);
        a.addProperty("keyFile", keyFile.toString());
        return decode(() -> ProtocolCodec.draft(call("draftWiring", a)));
    }

    @Override
    public GeneratedKey generateKey(Path keyFile, String comment) throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("file", keyFile.toString());
        a.addProperty("comment", comment);
        return decode(() -> ProtocolCodec.generated(call("generateKey", a)));
    }

    @Override
    public String trustHostKey(String host, int port, SshPublicKey key) throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("host", host);
        a.addProperty("port", port);
        a.addProperty("key", key.toLine());
        return decode(() -> ProtocolCodec.s(call("trustHostKey", a), "knownHosts")) + " (in " + spec.id() + ")";
    }

    @Override
    public byte[] renderConfig(ConfigSnapshot expected, List<ConfigOp> ops) throws IOException {
        JsonObject a = new JsonObject();
        a.add("expected", ProtocolCodec.snapshot(expected));
        a.add("ops", ProtocolCodec.ops(ops));
        try {
            return decode(() -> java.util.Base64.getDecoder().decode(ProtocolCodec.s(call("renderConfig", a), "content")));
        } catch (HelperConnection.ChangedMeanwhile e) {
            throw new ConfigChangedMeanwhileException(expected.file());
        }
    }

    @Override
    public void writeConfig(ConfigSnapshot expected, byte[] content) throws IOException {
        JsonObject a = new JsonObject();
        a.add("expected", ProtocolCodec.snapshot(expected));
        a.addProperty("content", java.util.Base64.getEncoder().encodeToString(content));
        try {
            call("writeConfig", a);
        } catch (HelperConnection.ChangedMeanwhile e) {
            throw new ConfigChangedMeanwhileException(expected.file());
        }
    }

    @Override
    public ConfigPatch.Revert revertConfig(Path configFile, ConfigPatch patch) throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("file", configFile.toString());
        a.add("patch", ProtocolCodec.patch(patch));
        return decode(() -> ProtocolCodec.revert(call("revertConfig", a)));
    }

    @Override
    public void restoreConfig(ConfigSnapshot original) throws IOException {
        JsonObject a = new JsonObject();
        a.add("original", ProtocolCodec.snapshot(original));
        call("restoreConfig", a);
    }

    @Override
    public GitRunner.Result git(Path repo, List<String> args) throws IOException {
        JsonObject a = new JsonObject();
        a.addProperty("repo", repo.toString());
        a.add("args", ProtocolCodec.strings(args));
        return decode(() -> {
            JsonObject r = call("git", a);
            return new GitRunner.Result(r.get("exit").getAsInt(), ProtocolCodec.s(r, "stdout"), ProtocolCodec.s(r, "stderr"));
        });
    }

    private JsonObject call(String op, JsonObject args) throws EnvironmentException {
        return connection.call(op, args, limits.call());
    }

    private interface Decode<T> {
        T get() throws EnvironmentException;
    }

    /** An answer with the right id but the wrong shape fails the environment like garbage does. */
    private <T> T decode(Decode<T> d) throws EnvironmentException {
        try {
            return d.get();
        } catch (RuntimeException e) {
            throw connection.fail("the helper answered something that is not the protocol");
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
