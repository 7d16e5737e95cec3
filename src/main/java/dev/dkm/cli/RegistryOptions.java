package dev.dkm.cli;

import dev.dkm.app.TokenManagement;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.tokens.RegistryTarget;
import picocli.CommandLine.Option;

/** {@code --registry HOST [--podman]}: which registry login to write, and into which tool's file. */
final class RegistryOptions {
    @Option(names = "--registry", paramLabel = "HOST", description = "Registry host (default: the instance's registry, e.g. registry.gitlab.com).")
    String registry;

    @Option(names = "--podman", description = "Write podman's auth.json ($XDG_RUNTIME_DIR/containers/auth.json) instead of docker's config.json.")
    boolean podman;

    RegistryTarget target(TokenManagement tokens, InstanceSettings instance) {
        String host = registry != null ? registry : instance == null ? null : instance.registryHost();
        if (host == null) {
            throw new CliProblem("which registry? pass --registry HOST (no registry host is configured for this instance)");
        }
        try {
            return podman ? tokens.podman(host) : tokens.docker(host);
        } catch (IllegalArgumentException e) {
            throw new CliProblem(e.getMessage());
        }
    }
}
