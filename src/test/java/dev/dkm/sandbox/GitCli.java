package dev.dkm.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} with real OpenSSH against the sandbox, isolated: its own HOME, no system
 * config, an explicit key, known_hosts file and {@code -F /dev/null} (ssh ignores $HOME).
 */
final class GitCli {
    private final Path home;
    private final Path knownHosts;

    /** A finished command. */
    record Result(int exitCode, String output) {}

    GitCli(Path home, String knownHostsLine) {
        this.home = home;
        this.knownHosts = home.resolve("known_hosts");
        try {
            Files.createDirectories(home);
            Files.writeString(knownHosts, knownHostsLine + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an ed25519 key pair with ssh-keygen; returns the private key path. */
    Path newKey(String name) {
        Path key = home.resolve(name);
        Result r = run(home, null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        if (r.exitCode != 0) {
            throw new IllegalStateException(r.output);
        }
        return key;
    }

    String publicKey(Path key) {
        try {
            return Files.readString(Path.of(key + ".pub")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code git args…} in {@code dir} with {@code key} as the only SSH identity. */
    Result git(Path dir, Path key, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of("-c", "user.name=Sandbox Test", "-c", "user.email=test@sandbox.invalid"));
        cmd.addAll(List.of(args));
        return run(dir, key, cmd.toArray(String[]::new));
    }

    Result run(Path dir, Path key, String... cmd) {
        return run(Map.of(), dir, key, cmd);
    }

    /** As {@link #git} with extra environment variables (e.g. GIT_TRACE_PACKET). */
    Result gitWithEnv(Map<String, String> extraEnv, Path dir, Path key, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return run(extraEnv, dir, key, cmd.toArray(String[]::new));
    }

    private Result run(Map<String, String> extraEnv, Path dir, Path key, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        if (key != null) {
            env.put("GIT_SSH_COMMAND", "ssh -i " + key + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" + knownHosts
                    + " -F /dev/null -o BatchMode=yes");
        }
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
