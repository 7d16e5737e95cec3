package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** core.sshCommand, identity files and the statuses that follow, on real repositories and real key files. */
class SshWiringScanTest {
    @TempDir
    Path tmp;

    GitFixture fx;
    Path key;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        Path dir = Files.createDirectories(fx.home.resolve(".ssh/dkm keys"));
        key = dir.resolve("gitlab_g_p");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\nnot really\n-----END OPENSSH PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    private Path wiredRepo(String command) throws IOException {
        Path dir = fx.repo("r", "git@gitlab.com:g/p.git");
        fx.git(dir, "config", "core.sshCommand", command);
        return dir;
    }

    @Test
    void wiredWithAKeyInAPathWithSpaces() throws IOException {
        RepoInfo repo = fx.scanOne(wiredRepo("ssh -i \"~/.ssh/dkm keys/gitlab_g_p\" -o IdentitiesOnly=yes"));
        assertThat(repo.status()).isEqualTo(RepoStatus.WIRED);
        assertThat(repo.statusReason()).isEqualTo("origin uses SSH with key ~/.ssh/dkm keys/gitlab_g_p");
        assertThat(repo.sshCommand().identitiesOnly()).isTrue();
        assertThat(repo.sshCommand().identityFiles()).singleElement().satisfies(k -> {
            assertThat(k.resolved()).isEqualTo(key);
            assertThat(k.exists()).isTrue();
            assertThat(k.permissions()).isEqualTo("rw-------");
            assertThat(k.tooOpen()).isFalse();
        });
    }

    @Test
    void keyReadableByOthersIsTooOpen() throws IOException {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        RepoInfo repo = fx.scanOne(wiredRepo("ssh -i '" + key + "'"));
        assertThat(repo.status()).isEqualTo(RepoStatus.WIRED);
        assertThat(repo.statusReason()).contains("rw-r--r--").contains("too open");
        KeyFileInfo k = repo.sshCommand().identityFiles().get(0);
        assertThat(k.permissions()).isEqualTo("rw-r--r--");
        assertThat(k.tooOpen()).isTrue();
    }

    @Test
    void missingKey() throws IOException {
        RepoInfo repo = fx.scanOne(wiredRepo("ssh -oIdentityFile=~/.ssh/gone -o IdentitiesOnly=yes"));
        assertThat(repo.status()).isEqualTo(RepoStatus.KEY_MISSING);
        assertThat(repo.statusReason()).isEqualTo("core.sshCommand names ~/.ssh/gone, which does not exist");
        KeyFileInfo k = repo.sshCommand().identityFiles().get(0);
        assertThat(k.exists()).isFalse();
        assertThat(k.permissions()).isNull();
    }

    @Test
    void aDirectoryIsNotAKey() throws IOException {
        RepoInfo repo = fx.scanOne(wiredRepo("ssh -i ~/.ssh"));
        assertThat(repo.status()).isEqualTo(RepoStatus.KEY_MISSING);
    }

    @Test
    void sshWithoutSshCommandUsesTheDefaultKey() throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("r", "ssh://git@gitlab.com:2222/g/p.git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
        assertThat(repo.sshCommand().isSet()).isFalse();
        assertThat(repo.statusReason()).contains("default key");
    }

    @Test
    void sshCommandWithoutIdentityFile() throws IOException {
        RepoInfo repo = fx.scanOne(wiredRepo("ssh -o StrictHostKeyChecking=yes"));
        assertThat(repo.status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
        assertThat(repo.statusReason()).contains("names no identity file");
    }

    @Test
    void httpsWithoutToken() throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("r", "https://gitlab.com/g/p.git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.HTTPS_NO_TOKEN);
        assertThat(repo.statusReason()).startsWith("origin uses HTTPS without a token");
    }

    @Test
    void localRemote() throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("r", "/srv/git/p.git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.LOCAL_REMOTE);
        assertThat(repo.statusReason()).isEqualTo("origin points at a local path (/srv/git/p.git)");
    }

    @Test
    void aTokenOutranksAWiredKey() throws IOException {
        Path dir = wiredRepo("ssh -i " + key);
        fx.git(dir, "remote", "add", "old", "https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@gitlab.com/g/p.git");
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(repo.statusReason()).startsWith("old carries");
    }
}
