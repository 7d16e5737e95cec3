package dev.dkm.setup;

import dev.dkm.keys.PublicKeyReader;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which key a repository gets. Per repository (default): the key its {@code core.sshCommand} already names, else
 * {@code <keyDir>/<host>_<group>_<project>_<project id>} — the id keeps {@code a/b_c} and {@code a_b/c} apart, which the
 * flattened path alone does not. Shared: one {@code <keyDir>/<host>_shared} key for this environment, enabled on
 * every project. {@code <host>} carries a non-default port ({@code gitlab.corp_8443}): two instances on one host
 * do not share key files.
 * Titles name the environment and host ({@code dkm app@host group/p}).
 *
 * @param publicKey the existing key's public half, null when it will be generated
 */
public record KeyChoice(Path file, boolean generate, SshPublicKey publicKey, String title) {
    private static final int MAX_TITLE = 255;

    /** The existing identity file the repository's {@code core.sshCommand} names (per-repository strategy), or null. */
    static Path wiredKeyOf(RepoInfo repo, boolean shared) {
        return shared ? null : repo.sshCommand().identityFiles().stream()
                .filter(KeyFileInfo::exists).map(KeyFileInfo::resolved).findFirst().orElse(null);
    }

    static KeyChoice choose(Path wiredKey, String instanceHost, String projectPath, Long projectId, boolean shared,
            SshEnvironment env)
            throws IOException {
        Path file = wiredKey != null ? wiredKey : env.keyDir().resolve(shared
                ? sanitize(instanceHost + "_shared")
                : sanitize(instanceHost + "_" + projectPath.replace('/', '_') + (projectId == null ? "" : "_" + projectId)));
        String title = shared ? "dkm " + env.identity() + " (shared)" : "dkm " + env.identity() + " " + projectPath;
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        if (Files.isRegularFile(file)) {
            return new KeyChoice(file, false, new PublicKeyReader().read(file), title);
        }
        return new KeyChoice(file, true, null, title);
    }

    static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
