package dev.dkm.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratingTokenStoreTest {
    @TempDir Path dir;

    @Test
    void tokensLeftInTheFileAreReadAndMoveOutOfItWhenStoredAgain() {
        FileTokenStore keyring = new FileTokenStore(dir.resolve("keyring.json"), "stands in for the keyring");
        FileTokenStore leftover = new FileTokenStore(dir.resolve("credentials.json"), "");
        leftover.store("https://old.example", Secret.of("glpat-left-behind-000000000"));
        TokenStore store = new MigratingTokenStore(keyring, leftover);

        assertThat(store.read("https://old.example").map(Secret::reveal)).contains("glpat-left-behind-000000000");
        store.store("https://old.example", Secret.of("glpat-new-one-00000000000000"));
        assertThat(leftover.read("https://old.example")).isEmpty();
        assertThat(keyring.read("https://old.example").map(Secret::reveal)).contains("glpat-new-one-00000000000000");

        leftover.store("https://other.example", Secret.of("glpat-other-0000000000000000"));
        assertThat(store.delete("https://other.example")).isTrue();
        assertThat(store.read("https://other.example")).isEmpty();
        assertThat(store.storageDescription()).isEqualTo(keyring.storageDescription());
    }
}
