package dev.dkm.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** Fresh ed25519 key pairs for the demo world. */
final class DemoKeys {
    private DemoKeys() {}

    static KeyPair newKeyPair() {
        HostKey.registerBouncyCastle();
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an ed25519 key", e);
        }
    }

    static String publicLine(KeyPair kp, String comment) {
        return PublicKeyEntry.toString(kp.getPublic()) + " " + comment;
    }

    static String newPublicLine(String comment) {
        return publicLine(newKeyPair(), comment);
    }
}
