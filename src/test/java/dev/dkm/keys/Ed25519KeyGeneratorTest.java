package dev.dkm.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.testsupport.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeyGeneratorTest {
    @TempDir Path tmp;

    private final Ed25519KeyGenerator generator = new Ed25519KeyGenerator();

    @Test
    void writes_a_key_pair_that_openssh_reads_back_with_the_same_fingerprint() throws Exception {
        Path key = tmp.resolve("ssh dir/deploy_app");
        KeyPairFiles files = generator.generateInto(key, "dkm deploy key for group/app");

        Processes.Result derived = Processes.run(tmp, tmp, List.of("ssh-keygen", "-y", "-f", key.toString())).assertOk();
        assertThat(SshPublicKey.parse(derived.stdout()).sameKeyAs(files.publicKey())).isTrue();

        Processes.Result listed = Processes.run(tmp, tmp, List.of("ssh-keygen", "-lf", files.publicKeyFile().toString())).assertOk();
        assertThat(listed.stdout()).contains(files.publicKey().fingerprintSha256()).contains("(ED25519)");
        assertThat(files.publicKey().type()).isEqualTo("ssh-ed25519");
        assertThat(files.publicKey().comment()).isEqualTo("dkm deploy key for group/app");
    }

    @Test
    void private_key_is_0600_in_a_0700_directory_and_public_key_is_world_readable() throws Exception {
        KeyPairFiles files = generator.generateInto(tmp.resolve("keys/k1"), "c");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("keys")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.publicKeyFile()))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void never_overwrites_an_existing_private_or_public_key() throws Exception {
        Path key = tmp.resolve("k");
        Files.writeString(key, "precious");
        assertThatThrownBy(() -> generator.generateInto(key, "c")).isInstanceOf(KeyFileExistsException.class);
        assertThat(Files.readString(key)).isEqualTo("precious");

        Path other = tmp.resolve("k2");
        Files.writeString(KeyPairFiles.publicKeyPathFor(other), "precious pub");
        assertThatThrownBy(() -> generator.generateInto(other, "c")).isInstanceOf(KeyFileExistsException.class);
        assertThat(other).doesNotExist();
    }

    @Test
    void public_key_reader_uses_the_pub_file_or_derives_it_from_the_private_key() throws Exception {
        KeyPairFiles files = generator.generateInto(tmp.resolve("k"), "comment here");
        PublicKeyReader reader = new PublicKeyReader();
        assertThat(reader.read(files.privateKey())).isEqualTo(files.publicKey());

        Files.delete(files.publicKeyFile());
        assertThat(reader.read(files.privateKey()).sameKeyAs(files.publicKey())).isTrue();
    }

    @Test
    void an_empty_or_damaged_pub_file_left_by_an_interrupted_run_is_read_from_the_private_key() throws Exception {
        KeyPairFiles files = generator.generateInto(tmp.resolve("k"), "c");
        Files.writeString(files.publicKeyFile(), "");
        assertThat(new PublicKeyReader().read(files.privateKey()).sameKeyAs(files.publicKey())).isTrue();
        Files.writeString(files.publicKeyFile(), "ssh-ed25519");
        assertThat(new PublicKeyReader().read(files.privateKey()).sameKeyAs(files.publicKey())).isTrue();

        Files.writeString(files.privateKey(), "");
        assertThatThrownBy(() -> new PublicKeyReader().read(files.privateKey())).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(files.privateKey().toString());
    }

    @Test
    void keys_are_written_whole_through_a_temporary_file_that_does_not_stay() throws Exception {
        Path dir = tmp.resolve("keys");
        generator.generateInto(dir.resolve("a"), "c");
        generator.generateInto(dir.resolve("b"), "c");
        assertThatThrownBy(() -> generator.generateInto(dir.resolve("a"), "c")).isInstanceOf(KeyFileExistsException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("a", "a.pub", "b", "b.pub");
        }
    }

    @Test
    void reads_a_key_made_by_ssh_keygen() throws Exception {
        Path key = tmp.resolve("by-ssh-keygen");
        Processes.run(tmp, tmp, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "x", "-f", key.toString())).assertOk();
        Files.delete(KeyPairFiles.publicKeyPathFor(key));
        assertThat(new PublicKeyReader().read(key).type()).isEqualTo("ssh-ed25519");
    }
}
