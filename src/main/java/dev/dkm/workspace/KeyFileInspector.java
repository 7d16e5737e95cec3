package dev.dkm.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Looks at an identity file the way ssh will: does it exist, and is it private enough for ssh to use it. */
final class KeyFileInspector {
    /** ssh refuses a private key with any group or other bit set ({@code mode & 077}). */
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    KeyFileInfo inspect(String written, Path resolved) {
        try {
            PosixFileAttributes attrs = Files.readAttributes(resolved, PosixFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return new KeyFileInfo(written, resolved, false, null, false);
            }
            Set<PosixFilePermission> perms = attrs.permissions();
            boolean tooOpen = perms.stream().anyMatch(TOO_OPEN::contains);
            return new KeyFileInfo(written, resolved, true, PosixFilePermissions.toString(perms), tooOpen);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: existence is all we can tell
            return new KeyFileInfo(written, resolved, Files.isRegularFile(resolved), null, false);
        } catch (IOException e) {
            return new KeyFileInfo(written, resolved, false, null, false);
        }
    }
}
