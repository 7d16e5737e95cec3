package dev.dkm.keys;

import dev.dkm.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * Generates Ed25519 key pairs and writes them the way {@code ssh-keygen -t ed25519 -N ""} would: the private key
 * in OpenSSH format, unencrypted (the point is unattended pushes where no agent runs), 0600 from its first byte,
 * in a 0700 directory, never overwriting anything.
 */
public final class Ed25519KeyGenerator {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    public Ed25519KeyGenerator() {
        CryptoProviders.ensureBouncyCastle();
    }

    public KeyPair generate() {
        try {
            return KeyUtils.generateKeyPair("ssh-ed25519", 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available: " + e.getMessage(), e);
        }
    }

    /** Generates a new pair and writes {@code privateKey} and {@code privateKey.pub}. */
    public KeyPairFiles generateInto(Path privateKey, String comment) throws IOException {
        return write(generate(), privateKey, comment);
    }

    public KeyPairFiles write(KeyPair pair, Path privateKey, String comment) throws IOException {
        Path publicKeyFile = KeyPairFiles.publicKeyPathFor(privateKey);
        if (Files.exists(privateKey, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileExistsException(privateKey);
        }
        if (Files.exists(publicKeyFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileExistsException(publicKeyFile);
        }
        AtomicFiles.createPrivateDirectories(privateKey.toAbsolutePath().getParent());

        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not encode the private key: " + e.getMessage(), e);
        }
        SshPublicKey publicKey = SshPublicKey.parse(PublicKeyEntry.toString(pair.getPublic()) + " " + comment);

        createNew(privateKey, pem.toByteArray(), OWNER_RW);
        try {
            createNew(publicKeyFile, (publicKey.toLine() + "\n").getBytes(StandardCharsets.UTF_8), PUBLIC_READ);
        } catch (IOException e) {
            Files.deleteIfExists(privateKey); // no half pair left behind
            throw e;
        }
        return new KeyPairFiles(privateKey, publicKeyFile, publicKey);
    }

    /**
     * Writes {@code file} whole or not at all, never over an existing one (see {@link AtomicFiles#createNew}): a
     * process killed meanwhile leaves at most a {@code .dkm-tmp-} file, never an empty or half-written key.
     */
    private static void createNew(Path file, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        try {
            AtomicFiles.createNew(file, content, perms);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileExistsException(file);
        }
    }
}
