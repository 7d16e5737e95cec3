package dev.dkm.environments;

import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigPatch;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.setup.AccountSide;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.KeyChoice;
import java.nio.file.Path;
import java.util.List;

/** An environment that could not be entered: every step fails with the one reason why. */
record FailedSide(String environment, String reason) implements AccountSide {
    @Override
    public String identity() {
        return environment;
    }

    private EnvironmentException failure() {
        return new EnvironmentException(environment, reason, true);
    }

    @Override
    public KeyChoice chooseKey(Path wiredKey, String instanceHost, String projectPath, Long projectId, boolean shared)
            throws EnvironmentException {
        throw failure();
    }

    @Override
    public HostKeyStatus checkHostKey(String host, int port) {
        return new HostKeyStatus(HostKeyStatus.State.UNREACHABLE, host, port, null, null, reason);
    }

    @Override
    public WiringDraft draftWiring(Path gitDir, String remote, String sshUrl, Path keyFile) throws EnvironmentException {
        throw failure();
    }

    @Override
    public GeneratedKey generateKey(Path keyFile, String comment) throws EnvironmentException {
        throw failure();
    }

    @Override
    public String trustHostKey(String host, int port, SshPublicKey key) throws EnvironmentException {
        throw failure();
    }

    @Override
    public byte[] renderConfig(ConfigSnapshot expected, List<ConfigOp> ops) throws EnvironmentException {
        throw failure();
    }

    @Override
    public void writeConfig(ConfigSnapshot expected, byte[] content) throws EnvironmentException {
        throw failure();
    }

    @Override
    public ConfigPatch.Revert revertConfig(Path configFile, ConfigPatch patch) throws EnvironmentException {
        throw failure();
    }

    @Override
    public void restoreConfig(ConfigSnapshot original) throws EnvironmentException {
        throw failure();
    }

    @Override
    public GitRunner.Result git(Path repo, List<String> args) throws EnvironmentException {
        throw failure();
    }
}
