package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;

/** A group. */
public record Group(
        Long id,
        String name,
        String path,
        @SerializedName("full_path") String fullPath,
        @SerializedName("web_url") String webUrl) {}
