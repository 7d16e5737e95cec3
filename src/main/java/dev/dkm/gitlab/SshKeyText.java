package dev.dkm.gitlab;

/** OpenSSH public key lines compared the way GitLab dedupes them: by type and base64 blob, never the comment. */
final class SshKeyText {
    private SshKeyText() {}

    static String blobOf(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+");
        return parts.length >= 2 ? parts[0] + " " + parts[1] : publicKeyLine.strip();
    }
}
