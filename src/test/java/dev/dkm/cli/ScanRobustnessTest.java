package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.dkm.testsupport.Processes;
import dev.dkm.workspace.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 9: one bad repository never stops a scan. {@code dkm scan} runs as a child JVM (64 MB heap, so
 * /dev/zero would be an OutOfMemoryError; a timeout, so a FIFO would be a hang) under the C locale and under UTF-8,
 * on a workspace made with the shell, byte for byte: a FIFO named {@code config}, a config linked to
 * {@code /dev/zero}, a folder named in Latin-1, a config in Latin-1, a folder name with a newline and an escape code.
 */
class ScanRobustnessTest {
    @TempDir Path tmp;
    GitFixture fx;

    @BeforeEach
    void workspace() throws Exception {
        fx = new GitFixture(tmp);
        fx.repo("good", "https://gitlab.example.com/g/good.git");
        Path fifo = fx.repo("fifo", "https://gitlab.example.com/g/fifo.git");
        Files.delete(fifo.resolve(".git/config"));
        sh("mkfifo fifo/.git/config");
        Path zero = fx.repo("zero", "https://gitlab.example.com/g/zero.git");
        Files.delete(zero.resolve(".git/config"));
        Files.createSymbolicLink(zero.resolve(".git/config"), Path.of("/dev/zero"));
        Path latinConfig = fx.repo("latin-config", "https://gitlab.example.com/g/latin.git");
        Files.write(latinConfig.resolve(".git/config"), "[user]\n\tname = J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1),
                java.nio.file.StandardOpenOption.APPEND);
        // folders Java cannot name: git makes the repositories inside them
        sh("mkdir \"$(printf 'caf\\351')\" && git init -q \"$(printf 'caf\\351')/repo\""
                + " && git -C \"$(printf 'caf\\351')/repo\" remote add origin https://gitlab.example.com/g/cafe.git");
        sh("mkdir \"$(printf 'evil\\n\\033[31mred')\" && git init -q \"$(printf 'evil\\n\\033[31mred')\"");
    }

    private void sh(String script) throws Exception {
        Processes.run(fx.root, fx.home, List.of("sh", "-c", script)).assertOk();
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String locale, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Duser.home=" + fx.home, "-cp", System.getProperty("java.class.path"), "dev.dkm.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", locale);
        env.put("HOME", fx.home.toString());
        env.put("DKM_CONFIG_DIR", fx.home.resolve(".config/dkm").toString());
        env.put("DKM_DATA_DIR", fx.home.resolve(".local/share/dkm").toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path outFile = tmp.resolve("out-" + locale);
        Path errFile = tmp.resolve("err-" + locale);
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("dkm scan hung (" + locale + "): " + Files.readString(errFile));
        }
        return new Run(p.exitValue(), Files.readString(outFile, StandardCharsets.ISO_8859_1), Files.readString(errFile, StandardCharsets.ISO_8859_1));
    }

    @Test
    @Timeout(240)
    void every_bad_repository_is_a_row_with_a_reason_and_the_scan_goes_on_in_both_locales() throws Exception {
        for (String locale : List.of("C", "C.UTF-8")) {
            Run table = dkm(locale, "scan", fx.root.toString());
            assertThat(table.exit()).as(locale + ": " + table.err()).isZero();
            assertThat(table.err()).doesNotContain("OutOfMemory").doesNotContain("Exception");
            assertThat(table.out()).as(locale).contains("good ", "latin-config ", "caf\\xe9/repo ", "evil\\n\\x1b[31mred ")
                    .doesNotContain("Input length").doesNotContain("\u001b");
            assertThat(table.err()).as(locale).contains("dkm scan: fifo: cannot read the repository: ")
                    .contains("is a FIFO (named pipe), not a regular file")
                    .contains("dkm scan: zero: cannot read the repository: ").contains("is a character device")
                    .doesNotContain("Input length");
            assertThat(table.out().lines().filter(l -> l.startsWith("evil"))).as("one line per row, even for a newline in a name").hasSize(1);

            Run json = dkm(locale, "scan", fx.root.toString(), "--json");
            assertThat(json.exit()).as(json.err()).isZero();
            JsonArray repos = JsonParser.parseString(json.out()).getAsJsonArray();
            List<String> paths = new ArrayList<>();
            for (JsonElement r : repos) {
                paths.add(r.getAsJsonObject().get("path").getAsString());
            }
            assertThat(paths).as(locale).containsExactlyInAnyOrder("caf\\xe9/repo", "evil\\n\\x1b[31mred", "fifo", "good",
                    "latin-config", "zero");
        }
    }
}
