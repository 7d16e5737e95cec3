package dev.dkm.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment and home directory the commands see. Injected so that in-process tests can give a
 * command its own {@code GITLAB_TOKEN}, {@code PATH}, {@code DOCKER_CONFIG} and stdin without touching the real ones.
 */
record CliEnvironment(Map<String, String> env, Path home, InputStream stdin) {
    CliEnvironment {
        env = Map.copyOf(env);
    }

    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.in);
    }

    String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
