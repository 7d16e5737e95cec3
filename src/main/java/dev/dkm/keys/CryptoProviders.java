package dev.dkm.keys;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** MINA SSHD 2.19 on Java 17 has no Ed25519 without Bouncy Castle registered (toolchain.md). */
public final class CryptoProviders {
    private CryptoProviders() {}

    public static synchronized void ensureBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
