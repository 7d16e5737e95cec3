package dev.dkm.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Unix account ({@code useradd}, a name prefix unique to the test's issue) with an empty home, to run the
 * real {@code dkm} launcher (on {@link LocalAccounts#readableClasspath()}) and git as that account. Runs as root (as CI
 * does); {@link #close()} removes the account and its home.
 */
public final class ThrowawayAccount implements AutoCloseable {
    private final Path scratch;
    private final String user;
    private final Path home;

    public record Result(int exit, String out, String err) {
        public Result assertOk() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    private ThrowawayAccount(Path scratch, String user, Path home) {
        this.scratch = scratch;
        this.user = user;
        this.home = home;
    }

    /** Creates the account {@code prefix…} with an empty home under /tmp. */
    public static ThrowawayAccount create(String prefix, Path scratch) throws IOException, InterruptedException {
        String user = prefix + Long.toString(System.nanoTime() % 1_000_000L);
        Path home = Path.of("/tmp", user + "-home");
        Path skel = Files.createDirectories(scratch.resolve("empty-skel"));
        ThrowawayAccount account = new ThrowawayAccount(scratch, user, home);
        LocalAccounts.add(user, home, skel);
        return account;
    }

    public String user() {
        return user;
    }

    public Path home() {
        return home;
    }

    /** A command as root with only {@code env} (and a plain PATH). */
    public static Result run(Path scratch, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A command as the account (runuser sets HOME; the rest of the environment is only {@code env}). */
    public Result as(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        full.addAll(List.of(command));
        return run(scratch, full, env);
    }

    /** The real launcher as the account, on a copy of the test's classpath it may read. */
    public Result dkm(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-cp", LocalAccounts.readableClasspath(), "dev.dkm.Launcher"));
        command.addAll(List.of(args));
        return as(env, command.toArray(String[]::new));
    }

    /** Hands everything under {@code dir} to the account. */
    public void own(Path dir) throws IOException, InterruptedException {
        run(scratch, List.of("chown", "-R", user + ":" + user, dir.toString()), Map.of()).assertOk();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        LocalAccounts.remove(user, home);
    }
}
