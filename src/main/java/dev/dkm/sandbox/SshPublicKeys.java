package dev.dkm.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Parses OpenSSH public key lines and computes GitLab's MD5 and SHA256 fingerprints of the key blob. */
final class SshPublicKeys {
    private static final Set<String> TYPES = Set.of("ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ssh-ed25519@openssh.com");

    /** A parsed key: its type and decoded blob. */
    record Parsed(String type, byte[] blob) {
        String fingerprintSha256() {
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
        }

        String fingerprintMd5() {
            byte[] md5 = digest("MD5", blob);
            StringBuilder sb = new StringBuilder();
            for (byte b : md5) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        }
    }

    private SshPublicKeys() {}

    /** Empty when the text is not "TYPE BASE64 [comment]" with a blob that names the same type. */
    static Optional<Parsed> parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            ByteBuffer buf = ByteBuffer.wrap(blob);
            int len = buf.getInt();
            if (len <= 0 || len > blob.length - 4) {
                return Optional.empty();
            }
            String inner = new String(blob, 4, len, StandardCharsets.US_ASCII);
            return inner.equals(parts[0]) ? Optional.of(new Parsed(parts[0], blob)) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    static String sha256Fingerprint(byte[] blob) {
        return new Parsed("", blob).fingerprintSha256();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
