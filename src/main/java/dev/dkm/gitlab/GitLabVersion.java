package dev.dkm.gitlab;

/** {@code GET /version}. */
public record GitLabVersion(String version, String revision) {}
