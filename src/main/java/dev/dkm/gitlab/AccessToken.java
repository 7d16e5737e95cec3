package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;
import dev.dkm.remote.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A personal, project or group access token (reference §3). {@code expiresAt} is a plain date in GitLab's
 * answers; {@code accessLevel} is set for project/group tokens; {@code token} only after a rotate.
 */
public record AccessToken(
        Long id,
        String name,
        String description,
        Boolean revoked,
        Boolean active,
        List<String> scopes,
        @SerializedName("user_id") Long userId,
        @SerializedName("access_level") Integer accessLevel,
        @SerializedName("created_at") Instant createdAt,
        @SerializedName("last_used_at") Instant lastUsedAt,
        @SerializedName("expires_at") LocalDate expiresAt,
        Secret token) {

    public boolean hasScope(String scope) {
        return scopes != null && scopes.contains(scope);
    }
}
