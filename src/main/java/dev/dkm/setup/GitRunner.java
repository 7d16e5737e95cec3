package dev.dkm.setup;

import dev.dkm.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the user's real {@code git}: verification must go through the same binary, config and
 * {@code core.sshCommand} the user's next push will use, so dkm adds no ssh option (not even BatchMode) to it.
 * It still never prompts — a prompt would hang a background task: git runs through the one {@link ProcessRunner}
 * in a session of its own without a controlling terminal (ssh cannot open {@code /dev/tty} for a passphrase or a
 * host-key question), with stdin {@code /dev/null}, {@code GIT_TERMINAL_PROMPT=0} and {@code SSH_ASKPASS_REQUIRE=never}
 * (no askpass window either). On timeout git and its ssh are killed, not just git.
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
        Map<String, String> env = new HashMap<>();
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("SSH_ASKPASS_REQUIRE", "never");
        env.putAll(extraEnv);
        ProcessRunner.Result r = ProcessRunner.run(ProcessRunner.Command.of(command, Duration.ofSeconds(timeoutSeconds))
                .in(workDir).env(env).noTerminal());
        if (r.timedOut()) {
            return new Result(124, r.stdout(), "git " + String.join(" ", args) + " did not finish within " + timeoutSeconds
                    + " s (stopped it and its ssh)");
        }
        return new Result(r.exitCode(), r.stdout(), r.stderr());
    }
}
