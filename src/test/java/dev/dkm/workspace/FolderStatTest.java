package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStatTest {
    @TempDir
    Path tmp;

    @Test
    void linkCountsAreTrustedOnlyOnTheRootsDeviceAndWhenTheyMakeSense() {
        FolderStat.LinkCounts counts = new FolderStat.LinkCounts(true, 42L);
        assertThat(counts.subfolders(5, 42L)).isEqualTo(3);
        assertThat(counts.subfolders(2, 42L)).isZero();
        assertThat(counts.subfolders(1, 42L)).as("btrfs-style count").isEqualTo(-1);
        assertThat(counts.subfolders(5, 43L)).as("below a mount point").isEqualTo(-1);
        assertThat(FolderStat.LinkCounts.UNTRUSTED.subfolders(5, 42L)).isEqualTo(-1);
    }

    @Test
    void statOfFoldersFilesAndSymlinks() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d/sub1"));
        Files.createDirectories(tmp.resolve("d/sub2"));
        Files.writeString(tmp.resolve("d/file"), "x");
        Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("d"));
        FolderStat.LinkCounts counts = FolderStat.LinkCounts.forRoot(tmp);
        FolderStat d = FolderStat.of(tmp.resolve("d"), counts);
        assertThat(d.isFolder()).isTrue();
        assertThat(d.subfolders()).isIn(2, -1); // 2 where the file system counts links (ext4 …), else unknown
        assertThat(FolderStat.of(dir, counts).isFolder()).isTrue();
        assertThat(FolderStat.of(tmp.resolve("d/file"), counts).isFolder()).isFalse();
        assertThat(FolderStat.of(tmp.resolve("link"), counts).isFolder()).as("a symlink is not followed").isFalse();
        assertThat(FolderStat.of(tmp.resolve("missing"), counts).isFolder()).isFalse();
    }
}
