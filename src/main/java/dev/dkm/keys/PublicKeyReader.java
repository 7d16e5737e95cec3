package dev.dkm.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Finds the public half of an existing private key file: its {@code .pub}, or derived from the key itself. */
public final class PublicKeyReader {
    public PublicKeyReader() {
        CryptoProviders.ensureBouncyCastle();
    }

    public SshPublicKey read(Path privateKey) throws IOException {
        Path pub = KeyPairFiles.publicKeyPathFor(privateKey);
        if (Files.isRegularFile(pub)) {
            try {
                return SshPublicKey.parse(Files.readString(pub, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException emptyOrDamaged) {
                // e.g. left empty by a run killed while writing it: the private key is the truth
            }
        }
        return deriveFromPrivate(privateKey);
    }

    private SshPublicKey deriveFromPrivate(Path privateKey) throws IOException {
        try (InputStream in = Files.newInputStream(privateKey)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName(privateKey.toString()), in, null);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("no key found in " + privateKey);
            }
            return SshPublicKey.parse(PublicKeyEntry.toString(it.next().getPublic()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("cannot read private key " + privateKey + ": " + e.getMessage(), e);
        }
    }
}
