package dev.dkm.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The one way dkm writes files, following the rules git and OpenSSH follow:
 * <ul>
 *   <li><b>whole or nothing</b>: content goes to a temporary file in the target's own folder, is synced, and is
 *       renamed over the target; a reader or a crash sees the old bytes or the new ones;</li>
 *   <li><b>modes are explicit</b> ({@link FileMode}): a rewritten file keeps its mode (and owner, where we may set
 *       it) unless the policy says otherwise; a new secret is 0600 from its first byte;</li>
 *   <li><b>symbolic links are written through</b>: the link is resolved (as git's {@code resolve_symlink} does,
 *       dangling ends included) and the file it names is replaced in its own folder; the link stays a link;</li>
 *   <li>missing folders are created 0700 (all of them: a missing {@code ~/.ssh} must not become 0755);</li>
 *   <li>{@link #lock} is git's lock-file protocol ({@code config.lock}, created exclusively, renamed over the
 *       file), so git and dkm never write one config at the same time;</li>
 *   <li>{@link #append} appends (for {@code known_hosts}: ssh appends to it too, a rewrite would race it);</li>
 *   <li>{@link #createNew} never replaces anything (private keys).</li>
 * </ul>
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_LINKS = 40; // Linux's MAXSYMLINKS
    private static final java.util.concurrent.ConcurrentMap<Path, Object> APPENDING = new java.util.concurrent.ConcurrentHashMap<>();

    private AtomicFiles() {}

    /** Replaces {@code target} (or the file a symbolic link there names) with {@code content}. */
    public static void write(Path target, byte[] content, FileMode mode) throws IOException {
        Path real = writeTarget(target);
        Path dir = parentOf(real);
        createPrivateDirectories(dir);
        PosixFileAttributes existing = existingRegular(real);
        Path temp = posix()
                ? Files.createTempFile(dir, "." + real.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW))
                : Files.createTempFile(dir, "." + real.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, content);
                ch.force(true);
            }
            finish(temp, real, existing, mode);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Takes git's lock on {@code target}: {@code <file>.lock} next to the file a symbolic link names, created
     * exclusively. Held by git (or a crashed git) → {@link LockHeldException}.
     */
    public static LockedFile lock(Path target) throws IOException {
        Path real = writeTarget(target);
        Path lockFile = real.resolveSibling(real.getFileName() + ".lock");
        FileChannel ch;
        try {
            ch = posix()
                    ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(OWNER_RW))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new LockHeldException(real, lockFile);
        }
        return new LockedFile(real, lockFile, ch);
    }

    /** A file held under git's lock; {@link #commit} replaces it, {@link #close} without commit releases the lock. */
    public static final class LockedFile implements AutoCloseable {
        private final Path target;
        private final Path lockFile;
        private final FileChannel channel;
        private boolean done;

        private LockedFile(Path target, Path lockFile, FileChannel channel) {
            this.target = target;
            this.lockFile = lockFile;
            this.channel = channel;
        }

        /** The file that will be replaced (a symbolic link resolved). */
        public Path target() {
            return target;
        }

        public void commit(byte[] content, FileMode mode) throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or released");
            }
            PosixFileAttributes existing = existingRegular(target);
            try (channel) {
                writeFully(channel, content);
                channel.force(true);
            }
            finish(lockFile, target, existing, mode);
            done = true;
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                try {
                    channel.close();
                } finally {
                    Files.deleteIfExists(lockFile);
                }
            }
        }
    }

    /**
     * Appends {@code content} to {@code file} (through a symbolic link, keeping its mode), creating it with
     * {@code mode.forNew()} when missing. The bytes go out in one {@code write}, as ssh's own appends do.
     */
    public static void append(Path file, byte[] content, FileMode mode) throws IOException {
        appendComputed(file, mode, () -> content);
    }

    /**
     * Like {@link #append}, with the content computed while an exclusive lock on the file is held (null: append
     * nothing), for check-then-append sequences that must not interleave with another dkm process.
     */
    public static void appendComputed(Path file, FileMode mode, IoSupplier<byte[]> content) throws IOException {
        Path real = writeTarget(file);
        createPrivateDirectories(parentOf(real));
        existingRegular(real); // a FIFO would block the open
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        // A file lock excludes other processes; threads of this one (a bulk run) queue on the path first, since
        // the JVM refuses a second lock on a file it already holds.
        Object inProcess = APPENDING.computeIfAbsent(real.normalize(), k -> new Object());
        synchronized (inProcess) {
            try (FileChannel ch = posix()
                    ? FileChannel.open(real, options, PosixFilePermissions.asFileAttribute(mode.forNew()))
                    : FileChannel.open(real, options);
                 FileLock ignored = ch.lock()) {
                byte[] bytes = content.get();
                if (bytes != null && bytes.length > 0) {
                    writeFully(ch, bytes);
                    ch.force(true);
                }
            }
        }
    }

    /** An I/O action returning a value. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Writes {@code file} whole or not at all, never over an existing one (private keys): the content goes to a
     * temporary file created with the final mode and synced, which is then hard-linked to the name — a link,
     * unlike a rename, fails when the name exists. Where the file system has no hard links, the file is created
     * in place (exclusively).
     */
    public static void createNew(Path file, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        createPrivateDirectories(parentOf(file.toAbsolutePath()));
        Path tmp = Files.createTempFile(parentOf(file.toAbsolutePath()), ".dkm-tmp-", ".part", PosixFilePermissions.asFileAttribute(perms));
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                channel.force(true);
            }
            Files.setPosixFilePermissions(tmp, perms); // the umask may have narrowed it: set it exactly
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(perms))) {
                    writeFully(ch, content);
                    ch.force(true);
                }
                Files.setPosixFilePermissions(file, perms);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code file} to {@code file + suffix} next to it (a broken settings file kept for the user to look at). */
    public static void moveAside(Path file, String suffix) throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Creates missing folders, each one 0700; existing ones are left as the user set them. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = abs; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(p);
        }
        Collections.reverse(missing);
        for (Path p : missing) {
            try {
                if (posix()) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    Files.setPosixFilePermissions(p, OWNER_DIR); // not narrowed further by the umask
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(p)) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Where a write to {@code path} lands: {@code path} itself, or the file its chain of symbolic links names (which
     * need not exist yet). Relative link targets are resolved against the link's folder.
     */
    public static Path writeTarget(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            Path link = Files.readSymbolicLink(p);
            p = link.isAbsolute() ? link : parentOf(p).resolve(link);
        }
        throw new FileSystemException(PathNames.display(path), null, "too many levels of symbolic links");
    }

    private static void finish(Path temp, Path target, PosixFileAttributes existing, FileMode mode) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(temp, mode.resolve(existing == null ? null : existing.permissions()));
            if (existing != null && mode.keep()) {
                keepOwner(temp, existing);
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(parentOf(target));
    }

    /** As root, writing someone's file must not hand it to root (we cannot, and need not, do this as anyone else). */
    private static void keepOwner(Path temp, PosixFileAttributes existing) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(existing.owner())) {
                view.setOwner(existing.owner());
            }
            if (!now.group().equals(existing.group())) {
                view.setGroup(existing.group());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException notAllowed) {
            // an ordinary user's files are theirs already
        }
    }

    /** The attributes of an existing target, null when there is none; something that is not a file is refused. */
    private static PosixFileAttributes existingRegular(Path real) throws IOException {
        if (!posix()) {
            return null;
        }
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableFileException(real, BoundedReader.kindOf(real, attrs) + ": not replacing it");
        }
        return attrs;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // some file systems cannot sync a folder; the rename itself is still atomic
        }
    }

    private static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? p.toAbsolutePath().getRoot() : parent;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
