package dev.dkm.environments;

import dev.dkm.process.ProcessRunner;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.remote.UrlRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The caller's end of one helper process: one request at a time, each answer awaited with a timeout and read with a
 * size limit. A helper that cannot start, hangs, floods or answers anything but the protocol is killed, and this
 * connection fails every later call at once with that one reason: only its own environment is lost.
 */
final class HelperConnection implements AutoCloseable {
    private static final int STDERR_TAIL = 4096;

    private final String environment;
    private final Process process;
    private final OutputStream requests;
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderrTail = new ByteArrayOutputStream();
    private final HelperLimits limits;
    private final Launch.Failure explainStartFailure;
    private volatile String failure;
    private volatile Thread stderrReader;
    private long nextId = 1;

    private record Broken(String reason) {}

    private HelperConnection(String environment, Process process, HelperLimits limits, Launch.Failure explainStartFailure) {
        this.environment = environment;
        this.process = process;
        this.requests = process.getOutputStream();
        this.limits = limits;
        this.explainStartFailure = explainStartFailure;
    }

    /**
     * Starts {@code command} with an environment of its own: nothing of the caller's (no GITLAB_TOKEN, no DKM_*)
     * reaches the helper, only PATH and LANG; runuser/sudo set the account's HOME.
     */
    static HelperConnection start(String environment, List<String> command, HelperLimits limits, Launch.Failure explain)
            throws EnvironmentException {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process p;
        try {
            p = ProcessRunner.startConversation(command, java.util.Map.of("PATH", path, "LANG", "C.UTF-8"), Path.of("/"));
        } catch (IOException e) {
            String explained = explain == null ? null : explain.explain("cannot start " + command.get(0) + ": " + e.getMessage());
            throw new EnvironmentException(environment, explained != null ? explained
                    : "cannot start " + command.get(0) + ": " + e.getMessage(), true);
        }
        HelperConnection c = new HelperConnection(environment, p, limits, explain);
        c.readAnswers();
        c.drainStderr();
        return c;
    }

    String environment() {
        return environment;
    }

    /** The reason this environment failed, or null while it works. */
    String failure() {
        return failure;
    }

    synchronized JsonObject call(String op, JsonObject args, Duration timeout) throws EnvironmentException {
        if (failure != null) {
            throw new EnvironmentException(environment, failure, true);
        }
        long id = nextId++;
        JsonObject request = new JsonObject();
        request.addProperty("id", id);
        request.addProperty("op", op);
        request.add("args", args);
        try {
            requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
        } catch (IOException e) {
            throw fail(exitedReason());
        }
        Object answer;
        try {
            answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted while waiting for the helper");
        }
        if (answer == null) {
            throw fail("the helper did not answer " + op + " within " + timeout.toSeconds() + " s");
        }
        if (answer instanceof Broken b) {
            throw fail(b.reason());
        }
        JsonObject o = (JsonObject) answer;
        JsonElement answeredId = o.get("id");
        if (answeredId == null || !answeredId.isJsonPrimitive() || answeredId.getAsLong() != id || !o.has("ok")) {
            throw fail("the helper answered something that is not the protocol");
        }
        if (!o.get("ok").getAsBoolean()) {
            String message = UrlRedactor.redact(String.valueOf(ProtocolCodec.s(o, "error")));
            if ("changed-meanwhile".equals(ProtocolCodec.s(o, "kind"))) {
                throw new ChangedMeanwhile(environment, message);
            }
            throw new EnvironmentException(environment, message, false);
        }
        JsonElement result = o.get("result");
        if (result == null || !result.isJsonObject()) {
            throw fail("the helper answered something that is not the protocol");
        }
        return result.getAsJsonObject();
    }

    /** A config changed since its plan, inside another environment. */
    static final class ChangedMeanwhile extends EnvironmentException {
        ChangedMeanwhile(String environment, String message) {
            super(environment, message, false);
        }
    }

    /** Marks the environment failed (first reason wins), kills the helper, and returns the exception to throw. */
    EnvironmentException fail(String reason) {
        synchronized (this) {
            if (failure == null) {
                failure = reason;
            }
        }
        kill();
        return new EnvironmentException(environment, failure, true);
    }

    private String exitedReason() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            Thread reader = stderrReader;
            if (reader != null && !process.isAlive()) {
                reader.join(2000); // its last words are the reason
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.toString(StandardCharsets.UTF_8).strip();
        }
        String explained = explainStartFailure == null ? null : explainStartFailure.explain(tail);
        if (explained != null) {
            return explained;
        }
        String lastLine = tail.isEmpty() ? "" : tail.substring(tail.lastIndexOf('\n') + 1);
        return "the helper exited" + (process.isAlive() ? "" : " (code " + process.exitValue() + ")")
                + (lastLine.isEmpty() ? "" : ": " + UrlRedactor.redact(lastLine));
    }

    private void readAnswers() {
        Thread t = new Thread(() -> {
            JsonLines lines = new JsonLines(process.getInputStream(), limits.maxAnswer());
            try {
                while (true) {
                    String line = lines.next();
                    if (line == null) {
                        answers.add(new Broken(exitedReason()));
                        return;
                    }
                    try {
                        JsonElement e = JsonParser.parseString(line);
                        if (!e.isJsonObject()) {
                            throw new JsonParseException("not an object");
                        }
                        answers.add(e.getAsJsonObject());
                    } catch (JsonParseException | IllegalStateException e) {
                        // never echoed: a confused helper might print anything, secrets included
                        answers.add(new Broken("the helper answered something that is not the protocol ("
                                + line.length() + " characters that are not JSON)"));
                        return;
                    }
                }
            } catch (JsonLines.TooLong e) {
                answers.add(new Broken("the helper answered " + e.getMessage() + " (the limit): refused"));
            } catch (IOException e) {
                answers.add(new Broken(exitedReason()));
            }
        }, "dkm-helper-out " + environment);
        t.setDaemon(true);
        t.start();
    }

    /** Keeps the last few KiB of stderr (for the reason of a failed start); the rest is read and dropped. */
    private void drainStderr() {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream err = process.getErrorStream()) {
                int n;
                while ((n = err.read(buffer)) >= 0) {
                    synchronized (stderrTail) {
                        stderrTail.write(buffer, 0, n);
                        if (stderrTail.size() > 2 * STDERR_TAIL) {
                            byte[] all = stderrTail.toByteArray();
                            stderrTail.reset();
                            stderrTail.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "dkm-helper-err " + environment);
        t.setDaemon(true);
        stderrReader = t;
        t.start();
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        if (failure == null && process.isAlive()) {
            try {
                call("bye", new JsonObject(), Duration.ofSeconds(5));
            } catch (EnvironmentException e) {
                // killed below anyway
            }
        }
        try {
            requests.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
