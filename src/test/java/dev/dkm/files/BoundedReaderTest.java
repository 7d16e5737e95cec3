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
    void non_utf8_bytes_are_decoded_leniently_and_recognised() {
        byte[] latin1 = {'n', 'a', 'm', 'e', '=', 'J', (byte) 0xFC, 'r', 'g', 'e', 'n'};
        assertThat(BoundedReader.isUtf8(latin1)).isFalse();
        assertThat(BoundedReader.decodeLenient(latin1)).isEqualTo("name=J\uFFFDrgen");
        assertThat(BoundedReader.isUtf8("Jürgen".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }
}
