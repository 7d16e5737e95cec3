package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.SshPublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a setup does inside the account whose repository it is: choose and generate the key, read and trust the
 * host key, plan and write the config, run git. The GitLab side (the token, every API call) stays with the caller.
 * {@link ThisAccount} does it in this process; the environments room does it through a helper running as another
 * account, so the caller never opens that account's files itself.
 */
public interface AccountSide {
    /**
     * A failure of a side's step that may be of the side as a whole (the helper of another account gone: every later
     * step fails the same way) rather than of the one step.
     */
    interface Failure {
        boolean sideUnreachable();
    }

    /** True when {@code e} says the account side as a whole cannot be reached, not that one step failed there. */
    static boolean unreachable(Throwable e) {
        return e instanceof Failure f && f.sideUnreachable();
    }

    /** The environment's id as the journal and the result rows carry it; null for the caller's own account. */
    String environment();

    /** {@code user@host} of the account, for key titles and comments. */
    String identity();

    /**
     * The key a repository gets: {@code wiredKey} (the existing identity file its {@code core.sshCommand} names, or
     * null), else {@code <keyDir>/<host>_<group>_<project>}, or one shared key for the account.
     */
    KeyChoice chooseKey(Path wiredKey, String instanceHost, String projectPath, Long projectId, boolean shared) throws IOException;

    HostKeyStatus checkHostKey(String host, int port);

    /** The config changes that wire {@code remote} to {@code sshUrl} with {@code keyFile}; changes nothing. */
    WiringDraft draftWiring(Path gitDir, String remote, String sshUrl, Path keyFile) throws IOException;

    /** Generates the key pair at {@code keyFile} (0600 in a 0700 folder), or reads it when it exists already. */
    GeneratedKey generateKey(Path keyFile, String comment) throws IOException;

    /** Adds the host key to the account's known_hosts; returns that file, for the step's message. */
    String trustHostKey(String host, int port, SshPublicKey key) throws IOException;

    /**
     * The bytes {@code ops} turn the config into, if it still holds {@code expected}'s bytes (else
     * ConfigChangedMeanwhileException); nothing is written (the run journals the change first).
     */
    byte[] renderConfig(ConfigSnapshot expected, List<ConfigOp> ops) throws IOException;

    /** Writes {@code content} under git's lock if the config still holds {@code expected}'s bytes. */
    void writeConfig(ConfigSnapshot expected, byte[] content) throws IOException;

    /** Reverts a run's change on the config as it is now (the user's later edits kept; see {@link ConfigPatch}). */
    ConfigPatch.Revert revertConfig(Path configFile, ConfigPatch patch) throws IOException;

    /** Puts a config's original bytes back (journals of earlier versions). */
    void restoreConfig(ConfigSnapshot original) throws IOException;

    /** Runs the account's git in {@code repo} (verification). */
    GitRunner.Result git(Path repo, List<String> args) throws IOException;

    /**
     * What wiring a repository would change.
     *
     * @param configFile the file that will be written (a symlink's target, written through)
     * @param problems   why the config must be left alone (cannot be written by the account, …); empty when fine
     */
    record WiringDraft(Path configFile, ConfigSnapshot original, List<ConfigOp> ops,
            List<dev.dkm.gitconfig.ConfigChange> changes, List<String> problems) {
        public WiringDraft {
            ops = List.copyOf(ops);
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }
    }

    /** A key pair's public half; {@code created} is false when the file existed already (made meanwhile). */
    record GeneratedKey(Path privateKey, SshPublicKey publicKey, boolean created) {}
}
