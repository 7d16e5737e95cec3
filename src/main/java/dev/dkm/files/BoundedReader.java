package dev.dkm.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads only regular files of sane size. A FIFO named {@code config} would block {@code open} for ever, a link to
 * {@code /dev/zero} would fill the heap: the type is checked on the file a link ends at before it is opened, the file
 * is then opened without following links (a link swapped in meanwhile fails instead of being followed), and at most
 * {@code limit} bytes are read whatever the size said.
 */
public final class BoundedReader {
    /** git configs, HEAD, {@code .git} files, known_hosts: far below this. */
    public static final long DEFAULT_LIMIT = 4L * 1024 * 1024;

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private BoundedReader() {}

    public static byte[] read(Path file) throws IOException {
        return read(file, DEFAULT_LIMIT);
    }

    public static byte[] read(Path file, long limit) throws IOException {
        // One lstat answers for the common case, a file that is not a link (NoSuchFileException when missing); only a
        // link is resolved, to check the type of the file it ends at (NoSuchFileException when dangling). Resolving
        // every path's every folder (toRealPath: a readlink each) was most of a scan's system calls.
        Path real = file;
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            real = file.toRealPath();
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        if (!attrs.isRegularFile()) {
            throw new UnreadableFileException(file, kindOf(real, attrs) + ", not a regular file; not reading it");
        }
        if (attrs.size() > limit) {
            throw new UnreadableFileException(file, "is " + size(attrs.size()) + ", more than the " + size(limit) + " dkm reads");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(limit + 1, Math.max(attrs.size() + 1, 8192)));
            while (true) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() > limit) {
                        throw new UnreadableFileException(file, "grew past the " + size(limit) + " dkm reads");
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit + 1, (long) buf.capacity() * 2));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** The file as UTF-8 text; bytes that are not UTF-8 become U+FFFD instead of failing the read. */
    public static String readText(Path file) throws IOException {
        return decodeLenient(read(file));
    }

    public static String decodeLenient(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether {@code bytes} are valid UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** "is a FIFO (named pipe)", "is a character device" … for something that is not a regular file. */
    static String kindOf(Path real, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "is a folder";
        }
        if (attrs.isSymbolicLink()) {
            return "is a symbolic link";
        }
        try {
            int mode = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch (mode & S_IFMT) {
                case S_IFIFO: return "is a FIFO (named pipe)";
                case S_IFCHR: return "is a character device";
                case S_IFBLK: return "is a block device";
                case S_IFSOCK: return "is a socket";
                default: break;
            }
        } catch (IOException | RuntimeException notUnix) {
            // fall through
        }
        return "is a special file";
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? (bytes / 1024) + " KiB" : bytes + " bytes";
    }
}
