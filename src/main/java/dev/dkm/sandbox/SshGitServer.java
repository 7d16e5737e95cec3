package dev.dkm.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;

/**
 * The SSH side: public-key login for keys the instance knows (deploy keys and users' SSH keys), then
 * git commands run by {@link GitSshCommand}. No shell, no passwords.
 */
final class SshGitServer implements AutoCloseable {
    /** The SHA256 fingerprint of the key the session logged in with. */
    static final AttributeRepository.AttributeKey<String> KEY_FINGERPRINT = new AttributeRepository.AttributeKey<>();

    private final SshServer server;
    private final HostKey hostKey;

    SshGitServer(SandboxState state, HostKey hostKey, int port) {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(Collections.singletonList(hostKey.keyPair())));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) -> {
            String fingerprint = SshPublicKeys.parse(PublicKeyEntry.toString(key))
                    .map(SshPublicKeys.Parsed::fingerprintSha256).orElse(null);
            if (fingerprint == null || !state.read(d -> GitAccessPolicy.mayLogIn(d, fingerprint))) {
                return false;
            }
            session.setAttribute(KEY_FINGERPRINT, fingerprint);
            return true;
        });
        server.setCommandFactory((channel, command) -> new GitSshCommand(state, command));
        server.setShellFactory(channel -> new WelcomeShell(state));
    }

    void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox SSH server", e);
        }
    }

    int port() {
        return server.getPort();
    }

    HostKey hostKey() {
        return hostKey;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
