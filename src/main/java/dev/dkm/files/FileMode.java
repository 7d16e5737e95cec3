package dev.dkm.files;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The mode a written file ends with, said explicitly at every call site.
 *
 * @param forNew the mode of a file that did not exist
 * @param keep   whether a file that existed keeps its own mode (git's rule for {@code .git/config}, docker's for
 *               {@code config.json}); when false the file always ends with {@code forNew} (dkm's own secrets)
 */
public record FileMode(Set<PosixFilePermission> forNew, boolean keep) {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    /** A file of the user's (configs, auth files, settings): its mode is kept; a new one is 0600. */
    public static final FileMode KEEP_OR_PRIVATE = new FileMode(OWNER_RW, true);
    /** A file meant to be shared (an export with nothing secret in it): its mode is kept; a new one is 0644. */
    public static final FileMode KEEP_OR_PUBLIC = new FileMode(PUBLIC_READ, true);
    /** dkm's own secrets (its token file): always 0600, even when someone loosened it. */
    public static final FileMode SECRET = new FileMode(OWNER_RW, false);

    public FileMode {
        forNew = Set.copyOf(forNew);
    }

    Set<PosixFilePermission> resolve(Set<PosixFilePermission> existing) {
        return keep && existing != null ? existing : forNew;
    }
}
