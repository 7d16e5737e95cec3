package dev.dkm.workspace;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * One {@code lstat} of a walk entry: is it a real folder (not a symbolic link to one), and how many subfolders
 * its link count promises. Directories have {@code 2 + subfolders} links on most Linux file systems; a count
 * below 2 (btrfs, some network file systems) means "unknown" and the walk looks at every entry.
 */
record FolderStat(boolean isFolder, int subfolders) {
    private static final boolean UNIX_VIEW = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final FolderStat NOT_A_FOLDER = new FolderStat(false, -1);

    static FolderStat of(Path entry) {
        try {
            if (!UNIX_VIEW) {
                boolean dir = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
                return dir ? new FolderStat(true, -1) : NOT_A_FOLDER;
            }
            Map<String, Object> attrs = Files.readAttributes(entry, "unix:isDirectory,nlink", LinkOption.NOFOLLOW_LINKS);
            if (!(Boolean) attrs.get("isDirectory")) {
                return NOT_A_FOLDER;
            }
            return new FolderStat(true, subfoldersFromLinks((Integer) attrs.get("nlink")));
        } catch (IOException | RuntimeException e) {
            return NOT_A_FOLDER;
        }
    }

    /** The subfolder count of a walk root (a symbolic link to it is fine: the user named it). */
    static int subfolderCount(Path root) {
        try {
            return UNIX_VIEW ? subfoldersFromLinks((Integer) Files.getAttribute(root, "unix:nlink")) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int subfoldersFromLinks(int links) {
        return links >= 2 ? links - 2 : -1;
    }
}
