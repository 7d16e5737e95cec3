package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigChange;
import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.gitconfig.GitConfigEditor;
import dev.dkm.keys.Ed25519KeyGenerator;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KeyPairFiles;
import dev.dkm.keys.PublicKeyReader;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.remote.UrlRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * The account this process runs as: its key folder, its known_hosts, its git. The window and the CLI use it for the
 * caller's own repositories, and {@code dkm helper} uses the very same object inside another environment.
 */
public final class ThisAccount implements AccountSide {
    private static final Map<Path, Object> KEY_FILE_LOCKS = new ConcurrentHashMap<>();

    private final SshEnvironment env;
    private final HostKeyVerifier hostKeys;
    private final GitRunner git;
    private final Ed25519KeyGenerator generator = new Ed25519KeyGenerator();

    public ThisAccount(SshEnvironment env, HostKeyVerifier hostKeys, GitRunner git) {
        this.env = env;
        this.hostKeys = hostKeys;
        this.git = git;
    }

    @Override
    public String environment() {
        return null;
    }

    @Override
    public String identity() {
        return env.identity();
    }

    public SshEnvironment sshEnvironment() {
        return env;
    }

    @Override
    public KeyChoice chooseKey(Path wiredKey, String instanceHost, String projectPath, Long projectId, boolean shared)
            throws IOException {
        return KeyChoice.choose(wiredKey, instanceHost, projectPath, projectId, shared, env);
    }

    @Override
    public HostKeyStatus checkHostKey(String host, int port) {
        return hostKeys.check(host, port);
    }

    @Override
    public WiringDraft draftWiring(Path gitDir, String remote, String sshUrl, Path keyFile) throws IOException {
        Path configFile = configFileOf(gitDir);
        List<String> problems = new ArrayList<>();
        if (Files.isSymbolicLink(configFile)) {
            // Written through, never replaced: the lock and the write happen next to the file the link names.
            Path target = configFile.toRealPath();
            if (!Files.isWritable(target) || !Files.isWritable(target.getParent())) {
                problems.add(configFile + " is a link to " + target + ", which this account cannot change: left alone");
            }
            configFile = target;
        } else if (Files.isRegularFile(configFile) && (!Files.isWritable(configFile) || !Files.isWritable(configFile.getParent()))) {
            problems.add(configFile + " cannot be changed by this account: left alone");
        }
        GitConfigEditor editor = new GitConfigEditor(configFile);
        ConfigSnapshot snapshot = editor.snapshot();
        Config config = new Config();
        try {
            config.fromText(new String(snapshot.content(), StandardCharsets.UTF_8));
        } catch (ConfigInvalidException e) {
            throw new IOException("cannot parse " + configFile + ": " + e.getMessage(), e);
        }
        String command = SshCommandLine.forKey(keyFile.toAbsolutePath(), env.knownHostsForCommand());
        List<ConfigOp> ops = WiringOps.compute(config, remote, sshUrl, command);
        List<ConfigChange> changes = editor.plan(ops, UrlRedactor::redact);
        return new WiringDraft(configFile, snapshot, ops, changes, problems);
    }

    @Override
    public GeneratedKey generateKey(Path keyFile, String comment) throws IOException {
        // Repositories of one bulk run may share a key file (shared strategy, two clones of one project): the first
        // generates it, the others reuse it once it is complete.
        synchronized (KEY_FILE_LOCKS.computeIfAbsent(keyFile.toAbsolutePath(), p -> new Object())) {
            if (Files.exists(keyFile)) {
                return new GeneratedKey(keyFile, new PublicKeyReader().read(keyFile), false);
            }
            KeyPairFiles files = generator.generateInto(keyFile, comment);
            return new GeneratedKey(files.privateKey(), files.publicKey(), true);
        }
    }

    @Override
    public String trustHostKey(String host, int port, SshPublicKey key) throws IOException {
        hostKeys.trust(host, port, key);
        return hostKeys.knownHosts().path().toString();
    }

    @Override
    public byte[] renderConfig(ConfigSnapshot expected, List<ConfigOp> ops) throws IOException {
        return new GitConfigEditor(expected.file()).render(expected, ops);
    }

    @Override
    public void writeConfig(ConfigSnapshot expected, byte[] content) throws IOException {
        new GitConfigEditor(expected.file()).write(expected, content);
    }

    @Override
    public ConfigPatch.Revert revertConfig(Path configFile, ConfigPatch patch) throws IOException {
        return new GitConfigEditor(configFile).revert(patch);
    }

    @Override
    public void restoreConfig(ConfigSnapshot original) throws IOException {
        new GitConfigEditor(original.file()).restore(original);
    }

    @Override
    public GitRunner.Result git(Path repo, List<String> args) throws IOException {
        return git.run(repo, args);
    }

    /** A worktree keeps its remotes in the common dir named by its {@code commondir} file. */
    static Path configFileOf(Path gitDir) throws IOException {
        Path commondir = gitDir.resolve("commondir");
        Path common = Files.isRegularFile(commondir)
                ? gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).strip()).normalize() : gitDir;
        return common.resolve("config");
    }
}
