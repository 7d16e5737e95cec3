package dev.dkm.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.testsupport.Processes;
import java.net.ServerSocket;
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

/** Against a real MINA SSH server on loopback, checked where it matters with OpenSSH's own tools. */
class HostKeyVerifierTest {
    @TempDir Path tmp;

    private SshServer server;
    private SshPublicKey serverKey;
    private int port;
    private KnownHostsFile knownHosts;
    private HostKeyVerifier verifier;

    @BeforeEach
    void startServer() throws Exception {
        KeyPair hostPair = new Ed25519KeyGenerator().generate();
        serverKey = SshPublicKey.parse(PublicKeyEntry.toString(hostPair.getPublic()));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostPair));
        server.setPublickeyAuthenticator((user, key, session) -> false);
        server.start();
        port = server.getPort();
        knownHosts = new KnownHostsFile(tmp.resolve("ssh/known_hosts"));
        verifier = new HostKeyVerifier(knownHosts, new HostKeyProbe(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    @Test
    void an_unknown_host_key_is_reported_with_the_fingerprint_ssh_keyscan_sees() throws Exception {
        HostKeyStatus status = verifier.check("127.0.0.1", port);

        assertThat(status.state()).isEqualTo(HostKeyStatus.State.UNKNOWN);
        assertThat(status.safeToProceed()).isFalse();
        Processes.Result scan = Processes.run(tmp, tmp,
                List.of("ssh-keyscan", "-t", "ed25519", "-p", String.valueOf(port), "127.0.0.1")).assertOk();
        Path scanned = Files.writeString(tmp.resolve("scanned"), scan.stdout());
        String fp = Processes.run(tmp, tmp, List.of("ssh-keygen", "-lf", scanned.toString())).assertOk().stdout();
        assertThat(fp).contains(status.fingerprint());
    }

    @Test
    void a_trusted_key_is_written_so_that_openssh_finds_it() throws Exception {
        HostKeyStatus unknown = verifier.check("127.0.0.1", port);
        verifier.trust("127.0.0.1", port, unknown.presented());

        assertThat(verifier.check("127.0.0.1", port).state()).isEqualTo(HostKeyStatus.State.TRUSTED);
        Processes.Result found = Processes.run(tmp, tmp, List.of("ssh-keygen", "-F", "[127.0.0.1]:" + port,
                "-f", knownHosts.path().toString())).assertOk();
        assertThat(found.stdout()).contains(serverKey.blob());
    }

    @Test
    void trusting_the_same_key_twice_writes_one_line() throws Exception {
        verifier.trust("127.0.0.1", port, serverKey);
        verifier.trust("127.0.0.1", port, serverKey);
        assertThat(Files.readAllLines(knownHosts.path())).hasSize(1);
    }

    @Test
    void hashed_known_hosts_entries_are_recognised() throws Exception {
        verifier.trust("127.0.0.1", port, serverKey);
        Processes.run(tmp, tmp, List.of("ssh-keygen", "-H", "-f", knownHosts.path().toString())).assertOk();
        assertThat(Files.readString(knownHosts.path())).startsWith("|1|").doesNotContain("127.0.0.1");

        assertThat(verifier.check("127.0.0.1", port).state()).isEqualTo(HostKeyStatus.State.TRUSTED);
    }

    @Test
    void a_different_key_of_the_same_type_is_a_changed_host_key() throws Exception {
        SshPublicKey impostor = new Ed25519KeyGenerator().generateInto(tmp.resolve("other"), "x").publicKey();
        knownHosts.add("127.0.0.1", port, impostor);

        HostKeyStatus status = verifier.check("127.0.0.1", port);
        assertThat(status.state()).isEqualTo(HostKeyStatus.State.CHANGED);
        assertThat(status.detail()).contains("HAS CHANGED").contains(impostor.fingerprintSha256()).contains(serverKey.fingerprintSha256());
    }

    @Test
    void a_revoked_key_stops_everything() throws Exception {
        Files.createDirectories(knownHosts.path().getParent());
        Files.writeString(knownHosts.path(), "@revoked [127.0.0.1]:" + port + " " + serverKey.withoutComment() + "\n");
        assertThat(verifier.check("127.0.0.1", port).state()).isEqualTo(HostKeyStatus.State.CHANGED);
    }

    @Test
    void patterns_wildcards_and_negation_follow_ssh() {
        assertThat(KnownHostsFile.matches("gitlab.example.com,10.0.0.1", "gitlab.example.com")).isTrue();
        assertThat(KnownHostsFile.matches("*.example.com", "gitlab.example.com")).isTrue();
        assertThat(KnownHostsFile.matches("*.example.com,!gitlab.example.com", "gitlab.example.com")).isFalse();
        assertThat(KnownHostsFile.matches("[gitlab.example.com]:2222", "gitlab.example.com")).isFalse();
        assertThat(KnownHostsFile.matches("[gitlab.example.com]:2222", "[gitlab.example.com]:2222")).isTrue();
        assertThat(KnownHostsFile.matches("GitLab.Example.com", "gitlab.example.com")).isTrue();
    }

    /** Eight jobs checking one endpoint at once: one probe between them (each made its own key exchange before). */
    @Test
    void jobs_checking_one_endpoint_at_once_share_one_probe() throws Exception {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        HostKeyProbe network = new HostKeyProbe(java.time.Duration.ofSeconds(10));
        HostKeyVerifier shared = new HostKeyVerifier(knownHosts, (h, p, type) -> {
            probes.incrementAndGet();
            return network.fetch(h, p, type);
        });
        java.util.concurrent.ExecutorService jobs = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<HostKeyStatus>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                checks.add(jobs.submit(() -> shared.check("127.0.0.1", port)));
            }
            for (var check : checks) {
                assertThat(check.get().state()).isEqualTo(HostKeyStatus.State.UNKNOWN);
            }
        } finally {
            jobs.shutdownNow();
        }
        assertThat(probes.get()).isEqualTo(1);
    }

    @Test
    void gitlab_com_published_key_is_recognised_without_asking() {
        SshPublicKey published = SshPublicKey.parse(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAfuCHKVTjquxvt6CM6tdG4SLp1Btn/nOeHHE5UOzRdf");
        HostKeyVerifier offline = new HostKeyVerifier(knownHosts, (host, p, type) -> published);
        assertThat(offline.check("gitlab.com", 22).state()).isEqualTo(HostKeyStatus.State.PUBLISHED);
        assertThat(offline.check("gitlab.example.com", 22).state()).isEqualTo(HostKeyStatus.State.UNKNOWN);
    }

    @Test
    void an_unreachable_endpoint_says_so() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HostKeyStatus status = verifier.check("127.0.0.1", closedPort);
        assertThat(status.state()).isEqualTo(HostKeyStatus.State.UNREACHABLE);
        assertThat(status.detail()).contains("127.0.0.1");
    }
}
