package dev.dkm.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An OpenSSH public key line ({@code ssh-ed25519 AAAA… comment}). Two keys are the same key when type and blob
 * match, whatever their comments: GitLab matches whole key text, so comparing lines would miss re-commented keys.
 */
public record SshPublicKey(String type, String blob, String comment) {

    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(blob, "blob");
        comment = comment == null ? "" : comment;
    }

    /** Parses {@code type base64 [comment…]}; throws {@link IllegalArgumentException} with a one-line reason. */
    public static SshPublicKey parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("empty public key");
        }
        String[] parts = line.strip().split("\\s+", 3);
        if (parts.length < 2 || !parts[0].matches("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+")) {
            throw new IllegalArgumentException("not an OpenSSH public key line");
        }
        try {
            Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key data is not valid base64");
        }
        return new SshPublicKey(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** The key without its comment, as GitLab should see it when comments are irrelevant. */
    public String withoutComment() {
        return type + " " + blob;
    }

    public String toLine() {
        return comment.isEmpty() ? withoutComment() : withoutComment() + " " + comment;
    }

    /** {@code SHA256:…} as {@code ssh-keygen -lf} and GitLab's {@code fingerprint_sha256} print it. */
    public String fingerprintSha256() {
        byte[] digest = digest("SHA-256");
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    /** Colon-separated MD5, GitLab's legacy {@code fingerprint}. */
    public String fingerprintMd5() {
        return HexFormat.ofDelimiter(":").formatHex(digest("MD5"));
    }

    public boolean sameKeyAs(SshPublicKey other) {
        return other != null && type.equals(other.type) && blob.equals(other.blob);
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(Base64.getDecoder().decode(blob.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return toLine();
    }
}
