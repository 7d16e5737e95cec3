package dev.dkm.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files of sane size are read: a FIFO, a device or a huge file is a reason, never a hang or an OOM. */
class BoundedReaderTest {
    @TempDir Path tmp;

    @Test
    @Timeout(20)
    void a_fifo_is_refused_without_blocking() throws Exception {
        Path fifo = tmp.resolve("config");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> BoundedReader.read(fifo)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("is a FIFO (named pipe), not a regular file");
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, fifo);
        assertThatThrownBy(() -> BoundedReader.read(link)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("FIFO");
    }

    @Test
    @Timeout(20)
    void a_link_to_dev_zero_is_a_device_not_an_out_of_memory() throws Exception {
        Path link = tmp.resolve("config");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        assertThatThrownBy(() -> BoundedReader.read(link)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("is a character device");
    }

    @Test
    void a_huge_file_is_refused_and_a_normal_one_read_whole() throws Exception {
        Path big = tmp.resolve("big");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(BoundedReader.DEFAULT_LIMIT + 10).write(java.nio.ByteBuffer.wrap(new byte[] {1}));
        }
        assertThatThrownBy(() -> BoundedReader.read(big)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("more than the 4.0 MiB dkm reads");
        Path ok = tmp.resolve("ok");
        byte[] bytes = new byte[100_000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(ok, bytes);
        assertThat(BoundedReader.read(ok)).isEqualTo(bytes);
        assertThat(BoundedReader.read(Files.write(tmp.resolve("empty"), new byte[0]))).isEmpty();
        assertThat(Duration.ZERO).isNotNull();
    }

    @Test
    void links_are_followed_to_a_regular_file_and_missing_or_dangling_ones_are_no_such_file() throws Exception {
        // Only a link is resolved (one lstat answers for a plain file): a chain through a linked folder is still read,
        // a missing file and a dangling link both say which file, as they did when every path was resolved.
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("real/dir")).resolve("config"), "[core]\n");
        Path linkedDir = Files.createSymbolicLink(tmp.resolve("linked"), tmp.resolve("real/dir"));
        Path chain = Files.createSymbolicLink(tmp.resolve("chain"), Files.createSymbolicLink(tmp.resolve("hop"), linkedDir.resolve("config")));
        assertThat(BoundedReader.readText(linkedDir.resolve("config"))).isEqualTo("[core]\n");
        assertThat(BoundedReader.readText(chain)).isEqualTo("[core]\n");
        assertThatThrownBy(() -> BoundedReader.read(tmp.resolve("missing"))).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("missing");
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> BoundedReader.read(dangling)).isInstanceOf(java.nio.file.NoSuchFileException.class);
        Path toFolder = Files.createSymbolicLink(tmp.resolve("to-folder"), tmp.resolve("real"));
        assertThatThrownBy(() -> BoundedReader.read(toFolder)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> BoundedReader.read(tmp.resolve("real"))).isInstanceOf(UnreadableFileException.class).hasMessageContaining("is a folder");
        assertThat(real).exists();
    }

    @Test
    void non_utf8_bytes_are_decoded_leniently_and_recognised() {
        byte[] latin1 = {'n', 'a', 'm', 'e', '=', 'J', (byte) 0xFC, 'r', 'g', 'e', 'n'};
        assertThat(BoundedReader.isUtf8(latin1)).isFalse();
        assertThat(BoundedReader.decodeLenient(latin1)).isEqualTo("name=J\uFFFDrgen");
        assertThat(BoundedReader.isUtf8("Jürgen".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }
}
