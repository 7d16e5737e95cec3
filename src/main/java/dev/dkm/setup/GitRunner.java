package dev.dkm.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's real {@code git}: verification must go through the same binary, config and
 * {@code core.sshCommand} the user's next push will use. Never prompts (no terminal, BatchMode for ssh is left to
 * the wired command: a prompt would hang a background task, so GIT_TERMINAL_PROMPT=0 and stdin is /dev/null).
 */
public final class GitRunner {
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final String gitBinary;
    private final Map<String, String> extraEnv;
    private final long timeoutSeconds;

    public GitRunner(String gitBinary, Map<String, String> extraEnv, long timeoutSeconds) {
        this.gitBinary = gitBinary;
        this.extraEnv = Map.copyOf(extraEnv);
        this.timeoutSeconds = timeoutSeconds;
    }

    public static GitRunner system() {
        return new GitRunner("git", Map.of(), 60);
    }

    public GitRunner withEnv(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(extraEnv);
        merged.putAll(env);
        return new GitRunner(gitBinary, merged, timeoutSeconds);
    }

    /** Whether a git binary answers at all (else verification falls back or says so). */
    public boolean available() {
        try {
            return run(Path.of("."), List.of("--version")).ok();
        } catch (IOException e) {
            return false;
        }
    }

    public Result run(Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(gitBinary);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().putAll(extraEnv);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "", "git " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
