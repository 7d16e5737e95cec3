package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;
import dev.dkm.remote.Secret;
import java.time.Instant;
import java.util.List;

/** A project, group or instance deploy token (reference §2). {@code token} is only set in the create answer. */
public record DeployToken(
        Long id,
        String name,
        String username,
        @SerializedName("expires_at") Instant expiresAt,
        Boolean revoked,
        Boolean expired,
        List<String> scopes,
        Secret token) {}
