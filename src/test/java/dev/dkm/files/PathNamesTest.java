package dev.dkm.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names are bytes: a folder whose name is not UTF-8 is shown with its bytes escaped, never as '?' or U+FFFD. */
class PathNamesTest {
    @TempDir Path tmp;

    @Test
    void names_that_are_not_utf8_are_shown_escaped_and_still_usable() throws Exception {
        // make the folders with the shell, as bytes (Java could not name them)
        Process p = new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'caf\\351')\" \"$(printf 'caf\\303\\251')\" \"$(printf 'new\\nline\\033[31m')\"")
                .directory(tmp.toFile()).start();
        assertThat(p.waitFor()).isZero();
        List<String> shown = new ArrayList<>();
        try (var s = Files.newDirectoryStream(tmp)) {
            for (Path child : s) {
                assertThat(Files.isDirectory(child)).as("the Path from a listing keeps the bytes").isTrue();
                shown.add(PathNames.displayName(child));
                assertThat(PathNames.display(child)).startsWith(tmp.toString()).endsWith(PathNames.displayName(child));
            }
        }
        assertThat(shown).containsExactlyInAnyOrder("caf\\xe9", "café", "new\\nline\\x1b[31m");
    }

    @Test
    void plain_names_and_free_text() {
        assertThat(PathNames.display(Path.of("/srv/repos/app"))).isEqualTo("/srv/repos/app");
        assertThat(PathNames.visible("a\rb\tc\u009bd")).isEqualTo("a\\rb\\tc\\x9bd");
        assertThat(PathNames.escapeBytes(new byte[] {'a', (byte) 0xff, (byte) 0xc3})).isEqualTo("a\\xff\\xc3");
    }
}
