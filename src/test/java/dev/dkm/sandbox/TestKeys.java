package dev.dkm.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** Fresh ed25519 public key lines for tests. */
final class TestKeys {
    private TestKeys() {}

    static String publicKeyLine(String comment) {
        HostKey.registerBouncyCastle();
        try {
            KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            return PublicKeyEntry.toString(kp.getPublic()) + " " + comment;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
