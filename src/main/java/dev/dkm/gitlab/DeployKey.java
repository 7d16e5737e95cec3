package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;

/**
 * A deploy key as GitLab shows it (reference §1). {@code canPush} is only present on the project's view of
 * the key (DeployKeysProject); every field may be null.
 */
public record DeployKey(
        Long id,
        String title,
        String key,
        String fingerprint,
        @SerializedName("fingerprint_sha256") String fingerprintSha256,
        @SerializedName("usage_type") String usageType,
        @SerializedName("created_at") Instant createdAt,
        @SerializedName("expires_at") Instant expiresAt,
        @SerializedName("can_push") Boolean canPush,
        /** When the key last authenticated; GitLab 18.x sends it, older versions do not (null). */
        @SerializedName("last_used_at") Instant lastUsedAt) {

    /** True when {@code otherKey} is the same public key (type + base64 blob; the comment does not count). */
    public boolean sameKeyAs(String otherKey) {
        return key != null && otherKey != null && SshKeyText.blobOf(key).equals(SshKeyText.blobOf(otherKey));
    }
}
