package dev.dkm.gitlab;

import java.util.Map;

/** {@code GET /metadata} (15.2+). {@code kas} is kept as a loose map: nothing here depends on it. */
public record GitLabMetadata(String version, String revision, Map<String, Object> kas, Boolean enterprise) {}
