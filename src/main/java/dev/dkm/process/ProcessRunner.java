package dev.dkm.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one program to completion with a timeout that works:
 * <ul>
 *   <li>stdout and stderr are drained on two dedicated threads from the start (never the common pool, where two
 *       readers can starve each other and a blocked reader blocks unrelated work), each kept up to a cap;</li>
 *   <li>stdin is {@code /dev/null}, or the given bytes written by a third thread and closed (a program that does
 *       not read cannot block us);</li>
 *   <li>on timeout or interrupt the process and every descendant (git's ssh, a helper's children) are killed — TERM,
 *       then KILL after a grace period — and the result says it timed out;</li>
 *   <li>{@link Command#noTerminal()} starts it in a new session ({@code setsid}), without a controlling terminal:
 *       ssh then cannot prompt on {@code /dev/tty} for a passphrase or a host key, whatever its options say;</li>
 *   <li>a working directory whose name the locale cannot express (names are bytes) is reached through a temporary
 *       symbolic link.</li>
 * </ul>
 */
public final class ProcessRunner {
    private static final long OUTPUT_CAP = 8L * 1024 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).findFirst().orElse(null);

    private ProcessRunner() {}

    /** What to run. Build with {@link #of}, then the withers. */
    public record Command(List<String> argv, Path workDir, Map<String, String> env, byte[] stdin, Duration timeout,
                          boolean detachTerminal) {
        public Command {
            argv = List.copyOf(argv);
            env = java.util.Collections.unmodifiableMap(new HashMap<>(env));
            Objects.requireNonNull(timeout, "timeout");
        }

        public static Command of(List<String> argv, Duration timeout) {
            return new Command(argv, null, Map.of(), null, timeout, false);
        }

        public Command in(Path dir) {
            return new Command(argv, dir, env, stdin, timeout, detachTerminal);
        }

        /** Variables to set; a null value removes the variable. */
        public Command env(Map<String, String> more) {
            Map<String, String> merged = new HashMap<>(env);
            merged.putAll(more);
            return new Command(argv, workDir, merged, stdin, timeout, detachTerminal);
        }

        public Command stdin(byte[] bytes) {
            return new Command(argv, workDir, env, bytes, timeout, detachTerminal);
        }

        public Command noTerminal() {
            return new Command(argv, workDir, env, stdin, timeout, true);
        }

        /** {@code git fetch origin} — for messages. */
        public String display() {
            return String.join(" ", argv);
        }
    }

    /** What happened. {@code exitCode} is -1 when the process was killed for taking too long. */
    public record Result(int exitCode, byte[] stdoutBytes, byte[] stderrBytes, boolean timedOut, Duration took) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        public String stderr() {
            return new String(stderrBytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs {@code command} and waits for it (at most its timeout). Throws {@link IOException} when it cannot be started,
     * {@link InterruptedIOException} when the calling thread is interrupted (the process tree is killed first).
     */
    public static Result run(Command command) throws IOException {
        long start = System.nanoTime();
        List<String> argv = new ArrayList<>();
        if (command.detachTerminal() && SETSID != null) {
            argv.add(SETSID.toString());
        }
        argv.addAll(command.argv());
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        command.env().forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        Path linkDir = null;
        if (command.workDir() != null) {
            Path dir = command.workDir().toAbsolutePath();
            if (!Path.of(dir.toString()).equals(dir)) {
                // the name does not survive String: reach it through a link whose name does
                linkDir = Files.createTempDirectory("dkm-cwd");
                dir = Files.createSymbolicLink(linkDir.resolve("d"), dir);
            }
            pb.directory(dir.toFile());
        }
        if (command.stdin() == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process p = pb.start();
            Drain out = new Drain(p.getInputStream(), "out");
            Drain err = new Drain(p.getErrorStream(), "err");
            if (command.stdin() != null) {
                feed(p.getOutputStream(), command.stdin());
            }
            boolean finished;
            try {
                finished = p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(p);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while running " + command.argv().get(0));
            }
            if (!finished) {
                killTree(p);
            }
            // After exit, a descendant that escaped the kill may still hold the pipes: do not wait for it for ever.
            out.join(GRACE);
            err.join(GRACE);
            return new Result(finished ? p.exitValue() : -1, out.bytes(), err.bytes(), !finished,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (linkDir != null) {
                Files.deleteIfExists(linkDir.resolve("d"));
                Files.deleteIfExists(linkDir);
            }
        }
    }

    /**
     * Starts a long-lived program that the caller talks to over its stdin/stdout (the environments' helper protocol),
     * in {@code dir}, with exactly {@code env} as its environment (nothing of the caller's leaks in). The caller owns
     * its streams, limits and timeouts, and ends it with {@link #killTree}.
     */
    public static Process startConversation(List<String> argv, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    /** TERM to the process and all its descendants, then KILL to whatever is left after the grace period. */
    public static void killTree(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception stillThere) {
                // killed below
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        Thread t = new Thread(() -> {
            try (stdin) {
                stdin.write(bytes);
            } catch (IOException closedEarly) {
                // the program exited or closed its stdin without reading it all: its exit code says the rest
            }
        }, "dkm-process-in-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    /** Reads one stream to its end on its own thread, keeping at most {@link #OUTPUT_CAP} bytes. */
    private static final class Drain {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                        synchronized (buffer) {
                            if (buffer.size() < OUTPUT_CAP) {
                                buffer.write(chunk, 0, (int) Math.min(n, OUTPUT_CAP - buffer.size()));
                            }
                        }
                    }
                } catch (IOException closed) {
                    // the process is gone
                }
            }, "dkm-process-" + name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        void join(Duration max) {
            try {
                thread.join(max.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        byte[] bytes() {
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }
    }
}
