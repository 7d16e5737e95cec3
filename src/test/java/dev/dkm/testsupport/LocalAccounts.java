package dev.dkm.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests make and remove real local accounts (they run as root, CI too), and the one world-readable copy of
 * the test JVM's class path those accounts run dkm from (the Maven repository under /root is not readable to them).
 * {@link ThrowawayAccount}, {@code environments.ThrowawayAccounts} and the Ansible test all go through here.
 */
public final class LocalAccounts {
    private static final Path CLASSPATH_COPY = Path.of("/tmp", "dkmt-classpath-" + ProcessHandle.current().pid());
    private static String classpath;

    private LocalAccounts() {}

    /**
     * {@code useradd -m -s /bin/sh NAME}, after removing a leftover of a killed run. {@code home}: where its home goes
     * (null: /home/NAME); {@code skel}: what the home starts with (null: /etc/skel).
     */
    public static void add(String name, Path home, Path skel) throws IOException {
        remove(name, null);
        List<String> command = new ArrayList<>(List.of("useradd", "-m", "-s", "/bin/sh"));
        if (home != null) {
            command.addAll(List.of("-d", home.toString()));
        }
        if (skel != null) {
            command.addAll(List.of("-k", skel.toString()));
        }
        command.add(name);
        String out = accountCommand(command);
        if (out != null) {
            throw new AssertionError("useradd " + name + " failed: " + out);
        }
    }

    /**
     * {@code userdel -r -f NAME}, the JVM performance data it leaves outside its home ({@code /tmp/hsperfdata_NAME}: a
     * JVM run as the account writes it), and {@code home} when it is not where userdel looks (null: nothing more).
     */
    public static void remove(String name, Path home) throws IOException {
        String failed = accountCommand(List.of("userdel", "-r", "-f", name));
        if (failed != null && exec(List.of("getent", "passwd", name)).exit() == 0) {
            System.err.println("LocalAccounts: could not remove the account " + name + ": " + failed);
        }
        run(List.of("rm", "-rf", "/tmp/hsperfdata_" + name));
        if (home != null) {
            run(List.of("rm", "-rf", home.toString()));
        }
    }

    /**
     * A world-readable copy of this JVM's class path (its jars and class folders, without the test classes), made once
     * per test JVM and removed when it exits; the entries joined for {@code java -cp}.
     */
    public static synchronized String readableClasspath() throws IOException {
        if (classpath != null) {
            return classpath;
        }
        String source = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        deleteTree(CLASSPATH_COPY);
        Files.createDirectories(CLASSPATH_COPY, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(CLASSPATH_COPY);
            } catch (IOException e) {
                // /tmp is cleaned eventually
            }
        }));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : source.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.isBlank() || !Files.exists(p) || entry.contains("test-classes")) {
                continue;
            }
            Path target = CLASSPATH_COPY.resolve((i++) + "-" + p.getFileName());
            String failed = run(List.of("cp", "-r", p.toString(), target.toString()));
            if (failed != null) {
                throw new IOException("cannot copy " + p + ": " + failed);
            }
            entries.add(target.toString());
        }
        String failed = run(List.of("chmod", "-R", "a+rX", CLASSPATH_COPY.toString()));
        if (failed != null) {
            throw new IOException("cannot open " + CLASSPATH_COPY + " to everyone: " + failed);
        }
        classpath = String.join(File.pathSeparator, entries);
        return classpath;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A command's exit and its output (stdout and stderr together). */
    public record Output(int exit, String out) {}

    /** Runs {@code command} as root, input from /dev/null. */
    public static Output exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * useradd/userdel, tried again while another one holds the account files' lock ("cannot lock /etc/passwd; try again
     * later": two test JVMs making accounts at once, which left accounts behind); null when it exited 0.
     */
    private static String accountCommand(List<String> command) throws IOException {
        String failed = run(command);
        for (int tries = 0; failed != null && failed.contains("cannot lock") && tries < 40; tries++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            failed = run(command);
        }
        return failed;
    }

    /** null when {@code command} exited 0, else its exit and output. */
    private static String run(List<String> command) throws IOException {
        Output o = exec(command);
        return o.exit() == 0 ? null : "exit " + o.exit() + ": " + o.out().strip();
    }
}
