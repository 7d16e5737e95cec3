package dev.dkm.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Security;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The sandbox's ed25519 host key, made once and kept in the data directory so known_hosts stays valid. */
final class HostKey {
    private final KeyPair keyPair;

    private HostKey(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** Bouncy Castle gives MINA Ed25519 on Java 17. */
    static void registerBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    static HostKey loadOrCreate(Path file) {
        registerBouncyCastle();
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Iterator<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(
                            null, NamedResource.ofName(file.toString()), in, null).iterator();
                    return new HostKey(keys.next());
                }
            }
            KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "dkm-sandbox-host", null, out);
            }
            return new HostKey(kp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the sandbox host key", e);
        }
    }

    KeyPair keyPair() {
        return keyPair;
    }

    /** "ssh-ed25519 AAAA…". */
    String publicKeyLine() {
        return PublicKeyEntry.toString(keyPair.getPublic());
    }

    /** "SHA256:…", as ssh-keygen -l prints it. */
    String fingerprint() {
        return KeyUtils.getFingerPrint(keyPair.getPublic());
    }

    /** The known_hosts line for a non-22 port: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA…}. */
    String knownHostsLine(int port) {
        return (port == 22 ? "127.0.0.1" : "[127.0.0.1]:" + port) + " " + publicKeyLine();
    }
}
