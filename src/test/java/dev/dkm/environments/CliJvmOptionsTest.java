package dev.dkm.environments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One set of JVM options for a short dkm command: the installed dkm launcher of every OS (jpackage's
 * installer/OS/dkm.properties) and the helper dkm starts in other environments use the same ones.
 */
class CliJvmOptionsTest {
    @Test
    void every_installed_dkm_launcher_starts_with_the_cli_jvm_options_the_helper_uses() throws Exception {
        assertThat(HelperRuntime.withClasspath("/x").dkm()).containsSubsequence(HelperRuntime.CLI_JVM_OPTIONS);
        for (String os : List.of("linux", "windows", "macos")) {
            List<String> lines = Files.readAllLines(Path.of("installer", os, "dkm.properties")).stream()
                    .filter(l -> l.startsWith("java-options=")).toList();
            assertThat(lines).as(os).singleElement().satisfies(l -> assertThat(List.of(l.substring("java-options=".length()).split(" ")))
                    .as(os).containsSubsequence(HelperRuntime.CLI_JVM_OPTIONS));
        }
    }
}
