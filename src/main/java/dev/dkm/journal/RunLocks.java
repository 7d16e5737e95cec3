package dev.dkm.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusion between runs, across processes: a run holds an OS file lock ({@code fcntl}, released by the kernel when
 * the process dies, even by SIGKILL) on {@code runs/locks/<digest>.lock} for each repository config and each key
 * file it works on, for as long as it runs. Inside one JVM (the window running a setup and a conversion at once)
 * the same resources are tracked in a map, since Java does not let one process lock a file twice. A resource
 * another run holds is refused with a sentence naming that run.
 */
public final class RunLocks implements AutoCloseable {
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path dir;
    private final String runId;
    private final Map<Path, Held> held = new LinkedHashMap<>();

    private record Held(FileChannel channel, FileLock lock) {}

    private RunLocks(Path dir, String runId) {
        this.dir = dir;
        this.runId = runId;
    }

    public static RunLocks open(Path runsDir, String runId) throws IOException {
        Path dir = runsDir.resolve("locks");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return new RunLocks(dir, runId);
    }

    /**
     * Locks all of {@code resources} (already held ones count) or none of them.
     *
     * @return null when this run now holds them all, else why not (which run holds which)
     */
    public String tryLock(Collection<String> resources) throws IOException {
        synchronized (HELD_IN_THIS_JVM) {
            synchronized (this) {
                List<Path> taken = new ArrayList<>();
                for (String resource : resources) {
                    Path file = dir.resolve(digest(resource) + ".lock");
                    if (held.containsKey(file)) {
                        continue;
                    }
                    String busy = lockOne(file, resource);
                    if (busy != null) {
                        taken.forEach(this::release);
                        return busy;
                    }
                    taken.add(file);
                }
                return null;
            }
        }
    }

    private String lockOne(Path file, String resource) throws IOException {
        String owner = HELD_IN_THIS_JVM.get(file);
        if (owner != null) {
            return "another dkm run (" + owner + ", in this window) is working on " + what(resource);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = "";
            try {
                holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            } catch (IOException ignored) {
                // who holds it is only for the sentence
            }
            channel.close();
            return "another dkm run (" + (holder.isEmpty() ? "unknown" : holder) + ") is working on " + what(resource);
        }
        channel.truncate(0);
        ByteBuffer who = ByteBuffer.wrap((runId + ", pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
        while (who.hasRemaining()) {
            channel.write(who, who.position());
        }
        held.put(file, new Held(channel, lock));
        HELD_IN_THIS_JVM.put(file, runId);
        return null;
    }

    private static String what(String resource) {
        int colon = resource.indexOf(':');
        String kind = colon < 0 ? "" : resource.substring(0, colon);
        String path = colon < 0 ? resource : resource.substring(colon + 1);
        return switch (kind) {
            case "config" -> "this repository (" + path + ")";
            case "key" -> "its key " + path;
            default -> path;
        };
    }

    private synchronized void release(Path file) {
        Held h = held.remove(file);
        if (h == null) {
            return;
        }
        HELD_IN_THIS_JVM.remove(file, runId);
        try {
            h.lock().release();
            h.channel().close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
    }

    @Override
    public void close() {
        synchronized (HELD_IN_THIS_JVM) {
            new ArrayList<>(held.keySet()).forEach(this::release);
        }
    }

    private static String digest(String resource) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(resource.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource name of a repository's config file (its real path when it exists). */
    public static String config(Path configFile) {
        return "config:" + real(configFile);
    }

    /**
     * The resource name of a file of another environment ({@code environment} not null): its path as that environment's
     * helper gave it, never resolved here (the caller does not look into another account's files), else as above.
     */
    public static String config(String environment, Path configFile) {
        return environment == null ? config(configFile) : "config:" + environment + ":" + configFile;
    }

    public static String key(String environment, Path keyFile) {
        return environment == null ? key(keyFile) : "key:" + environment + ":" + keyFile;
    }

    /** The resource name of a key file. */
    public static String key(Path keyFile) {
        return "key:" + real(keyFile);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
