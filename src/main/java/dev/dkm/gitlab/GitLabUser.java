package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;

/** {@code GET /user} (the token's owner). */
public record GitLabUser(
        Long id,
        String username,
        String name,
        String state,
        @SerializedName("avatar_url") String avatarUrl,
        @SerializedName("web_url") String webUrl,
        @SerializedName("is_admin") Boolean isAdmin) {}
