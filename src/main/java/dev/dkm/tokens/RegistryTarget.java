package dev.dkm.tokens;

import dev.dkm.registry.RegistryAuthFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a registry login goes: docker's {@code config.json} or podman's {@code auth.json}, for one registry host.
 *
 * @param tool         {@code docker} or {@code podman}, for the equivalent command shown to the user
 * @param pathVariable the PATH on which {@code docker-credential-*} helpers are found
 */
public record RegistryTarget(String registry, Path file, String tool, String pathVariable) {

    /** Docker's file as {@code docker login} picks it: {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}. */
    public static RegistryTarget docker(String registry, Map<String, String> env, Path home) {
        return new RegistryTarget(registry, RegistryAuthFile.dockerConfig(env, home), "docker", env.get("PATH"));
    }

    /** Podman's file ({@code $REGISTRY_AUTH_FILE} or {@code $XDG_RUNTIME_DIR/containers/auth.json}); fails when neither is set. */
    public static RegistryTarget podman(String registry, Map<String, String> env) {
        Path file = RegistryAuthFile.podmanAuth(env).orElseThrow(() -> new IllegalArgumentException(
                "podman keeps logins in $XDG_RUNTIME_DIR/containers/auth.json, and XDG_RUNTIME_DIR is not set"));
        return new RegistryTarget(registry, file, "podman", env.get("PATH"));
    }

    RegistryAuthFile authFile() {
        return new RegistryAuthFile(file, pathVariable);
    }
}
