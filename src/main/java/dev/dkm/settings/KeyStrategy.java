package dev.dkm.settings;

/** How "Set up deploy key" picks a key by default. */
public enum KeyStrategy {
    /** A new key pair for each repository (GitLab dedupes keys globally, so this always works). */
    ONE_KEY_PER_REPOSITORY,
    /** One key pair per user environment, enabled on every project it needs. */
    ONE_KEY_PER_ENVIRONMENT
}
