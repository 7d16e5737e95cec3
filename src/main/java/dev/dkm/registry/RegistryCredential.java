package dev.dkm.registry;

import dev.dkm.remote.Secret;

/** A user name and secret for one registry host (e.g. {@code registry.gitlab.com}). */
public record RegistryCredential(String registry, String username, Secret secret) {
    @Override
    public String toString() {
        return username + "@" + registry + " (" + secret.redacted() + ")";
    }
}
