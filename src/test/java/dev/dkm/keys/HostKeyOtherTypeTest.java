package dev.dkm.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.testsupport.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 10: known_hosts knows the host by an ECDSA key (made by OpenSSH's ssh-keygen), the server now
 * presents only an Ed25519 one. That is a changed host key, said at once — not a 15 s "no host key" timeout.
 */
class HostKeyOtherTypeTest {
    @TempDir Path tmp;
    private SshServer server;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        KeyPair hostPair = new Ed25519KeyGenerator().generate();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostPair));
        server.setPublickeyAuthenticator((user, key, session) -> false);
        server.start();
        port = server.getPort();
        assertThat(PublicKeyEntry.toString(hostPair.getPublic())).startsWith("ssh-ed25519 ");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(true);
    }

    @Test
    void a_known_key_of_another_type_is_a_changed_host_key_reported_quickly() throws Exception {
        Processes.run(tmp, tmp, List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", tmp.resolve("old").toString())).assertOk();
        String ecdsa = Files.readString(tmp.resolve("old.pub")).strip();
        Path file = Files.createDirectories(tmp.resolve("ssh")).resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + port + " " + ecdsa + "\n");
        HostKeyVerifier verifier = new HostKeyVerifier(new KnownHostsFile(file), new HostKeyProbe(Duration.ofSeconds(15)));

        long start = System.nanoTime();
        HostKeyStatus status = verifier.check("127.0.0.1", port);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(status.state()).as(status.detail()).isEqualTo(HostKeyStatus.State.CHANGED);
        assertThat(status.detail()).contains("HAS CHANGED").contains("ecdsa-sha2-nistp256").contains("ssh-ed25519");
        assertThat(status.safeToProceed()).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
