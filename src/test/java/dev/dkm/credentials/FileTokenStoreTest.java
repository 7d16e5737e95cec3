package dev.dkm.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.Secret;
import dev.dkm.settings.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {
    static final String TOKEN = "glpat-FileStoredToken0123456789";
    @TempDir Path dir;

    @Test
    void withoutAKeyringTokensGoToAnOwnerOnlyFileAndTheUserIsTold() throws Exception {
        // surefire sets DBUS_SESSION_BUS_ADDRESS=disabled: — the keyring is unreachable here
        AppDirs dirs = AppDirs.of(Map.of("DKM_CONFIG_DIR", dir.resolve("cfg").toString()), dir.toString());
        TokenStore store = TokenStores.open(dirs);
        assertThat(store.isKeyring()).isFalse();
        assertThat(store.storageDescription())
                .isEqualTo("file " + dirs.credentialsFile() + " (0600) — no keyring available");

        store.store("https://GitLab.example.com/", Secret.of(TOKEN));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.credentialsFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.configDir()))).isEqualTo("rwx------");
        assertThat(store.read("https://gitlab.example.com").map(Secret::reveal)).contains(TOKEN);
        assertThat(store.read("https://other.example.com")).isEmpty();
        assertThat(store.delete("https://gitlab.example.com")).isTrue();
        assertThat(store.delete("https://gitlab.example.com")).isFalse();
        assertThat(store.read("https://gitlab.example.com")).isEmpty();
    }

    @Test
    void aLoosenedFileIsTightenedBeforeUse() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("credentials.json"), "");
        store.store("https://h", Secret.of(TOKEN));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(store.read("https://h")).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void gitlabTokenOverridesForGitlabHostLikeGlab() {
        FileTokenStore store = new FileTokenStore(dir.resolve("credentials.json"), "");
        store.store("https://gitlab.example.com", Secret.of("glpat-stored000000000000000"));
        CredentialResolver noEnv = new CredentialResolver(store, Map.<String, String>of()::get);
        assertThat(noEnv.defaultHost()).isEqualTo("https://gitlab.com");
        assertThat(noEnv.tokenFor("https://gitlab.example.com").map(t -> t.token().reveal())).contains("glpat-stored000000000000000");

        CredentialResolver env = new CredentialResolver(store,
                Map.of("GITLAB_TOKEN", "glpat-fromenv00000000000000", "GITLAB_HOST", "gitlab.example.com")::get);
        var resolved = env.tokenFor("https://gitlab.example.com").orElseThrow();
        assertThat(resolved.token().reveal()).isEqualTo("glpat-fromenv00000000000000");
        assertThat(resolved.source()).isEqualTo("environment variable GITLAB_TOKEN");
        assertThat(env.tokenFor("https://gitlab.com")).isEmpty();

        CredentialResolver emptyEnv = new CredentialResolver(store, Map.of("GITLAB_TOKEN", "", "GITLAB_HOST", "")::get);
        assertThat(emptyEnv.tokenFor("https://gitlab.com")).isEmpty();
    }
}
