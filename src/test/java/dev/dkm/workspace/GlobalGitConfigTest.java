package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalGitConfigTest {
    @TempDir
    Path tmp;

    /** surefire sets GIT_CONFIG_GLOBAL, as a user can: then git reads that file alone, and so do we. */
    @Test
    void gitConfigGlobalOverridesTheHomeFiles() {
        String override = System.getenv("GIT_CONFIG_GLOBAL");
        assertThat(override).as("set by surefire for every test").isNotBlank();
        assertThat(GlobalGitConfig.forUser(tmp).files()).containsExactly(Path.of(override));
    }

    @Test
    void rulesComeFromEveryReadableFileInOrderAndBrokenFilesAreSkipped() throws IOException {
        Path xdg = Files.writeString(tmp.resolve("xdg"), "[url \"git@a:\"]\n\tinsteadOf = https://a/\n");
        Path broken = Files.writeString(tmp.resolve("broken"), "[url \"git@b:\"\n");
        Path home = Files.writeString(tmp.resolve("home"), "[url \"git@c:\"]\n\tpushInsteadOf = https://c/\n");
        GlobalGitConfig global = new GlobalGitConfig(List.of(xdg, broken, tmp.resolve("missing"), home));
        assertThat(global.insteadOfRules()).extracting(r -> r.base() + " " + r.prefix() + " " + r.push())
                .containsExactly("git@a: https://a/ false", "git@c: https://c/ true");
    }
}
