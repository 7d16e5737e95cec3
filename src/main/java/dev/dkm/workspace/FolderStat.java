package dev.dkm.workspace;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;

/**
 * One {@code lstat} of a walk entry: is it a real folder (not a symbolic link to one), and how many subfolders
 * its link count promises. On the file systems in {@link #LINK_COUNTING} a folder has {@code 2 + subfolders}
 * links; elsewhere (btrfs, overlayfs, NFS, CIFS, FUSE …), and below a mount point of another device, the
 * count is "unknown" (-1) and the walk looks at every entry, as {@code find -noleaf} would.
 */
record FolderStat(boolean isFolder, int subfolders) {
    private static final boolean UNIX_VIEW = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final Set<String> LINK_COUNTING = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs", "f2fs", "jfs");
    private static final FolderStat NOT_A_FOLDER = new FolderStat(false, -1);

    /** Whether the link counts under one walk root can be trusted: the root's device, if they can. */
    record LinkCounts(boolean trusted, Object device) {
        static final LinkCounts UNTRUSTED = new LinkCounts(false, null);

        static LinkCounts forRoot(Path root) {
            try {
                if (!UNIX_VIEW || !LINK_COUNTING.contains(Files.getFileStore(root).type())) {
                    return UNTRUSTED;
                }
                return new LinkCounts(true, Files.getAttribute(root, "unix:dev"));
            } catch (IOException | RuntimeException e) {
                return UNTRUSTED;
            }
        }

        int subfolders(int links, Object entryDevice) {
            return trusted && links >= 2 && device.equals(entryDevice) ? links - 2 : -1;
        }
    }

    static FolderStat of(Path entry, LinkCounts counts) {
        try {
            if (!counts.trusted()) {
                boolean dir = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
                return dir ? new FolderStat(true, -1) : NOT_A_FOLDER;
            }
            Map<String, Object> attrs = Files.readAttributes(entry, "unix:isDirectory,nlink,dev", LinkOption.NOFOLLOW_LINKS);
            if (!(Boolean) attrs.get("isDirectory")) {
                return NOT_A_FOLDER;
            }
            return new FolderStat(true, counts.subfolders((Integer) attrs.get("nlink"), attrs.get("dev")));
        } catch (IOException | RuntimeException e) {
            return NOT_A_FOLDER;
        }
    }

    /** The subfolder count of a walk root (a symbolic link to it is fine: the user named it). */
    static int subfolderCount(Path root, LinkCounts counts) {
        try {
            return counts.trusted() ? counts.subfolders((Integer) Files.getAttribute(root, "unix:nlink"),
                    Files.getAttribute(root, "unix:dev")) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
