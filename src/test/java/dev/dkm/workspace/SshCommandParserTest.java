package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshCommandParserTest {
    @TempDir
    Path home;

    private final Path workTree = Path.of("/work/repo");

    private SshCommandInfo parse(String command) {
        return new SshCommandParser(home).parse(command, workTree);
    }

    @Test
    void notSet() {
        assertThat(parse(null)).isEqualTo(SshCommandInfo.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ssh -i \"/path with spaces/key\" -o IdentitiesOnly=yes | /path with spaces/key",
        "ssh -i '/path with spaces/key' | /path with spaces/key",
        "ssh -i /path\\ with\\ spaces/key | /path with spaces/key",
        "ssh -i/k/joined | /k/joined",
        "ssh -oIdentityFile=/k/o-joined | /k/o-joined",
        "ssh -o IdentityFile=/k/o-eq | /k/o-eq",
        "ssh -o 'IdentityFile /k/o space' | /k/o space",
        "ssh -o \"identityfile = /k/o spaced eq\" | /k/o spaced eq",
        "ssh -o IdentityFile /k/o-next-word | /k/o-next-word",
        "ssh -p 2222 -F /dev/null -i /k/after-args | /k/after-args",
        "ssh -vi /k/combined | /k/combined",
        "/usr/bin/ssh -4 -i /k/abs-program | /k/abs-program",
        "GIT_TRACE=1 ssh -i /k/env | /k/env",
    })
    void identityFileForms(String command, String expected) {
        SshCommandInfo info = parse(command);
        assertThat(info.command()).isEqualTo(command);
        assertThat(info.identityFiles()).singleElement().satisfies(k -> assertThat(k.resolved()).isEqualTo(Path.of(expected)));
    }

    @Test
    void identitiesOnly() {
        assertThat(parse("ssh -i /k -o IdentitiesOnly=yes").identitiesOnly()).isTrue();
        assertThat(parse("ssh -o identitiesonly=no -i /k").identitiesOnly()).isFalse();
        assertThat(parse("ssh -i /k").identitiesOnly()).isNull();
    }

    @Test
    void tildeAndHomeExpandToTheGivenHome() {
        assertThat(parse("ssh -i ~/.ssh/id_a").identityFiles().get(0).resolved()).isEqualTo(home.resolve(".ssh/id_a"));
        assertThat(parse("ssh -i \"~/.ssh/my key\"").identityFiles().get(0).resolved()).isEqualTo(home.resolve(".ssh/my key"));
        assertThat(parse("ssh -i $HOME/.ssh/b").identityFiles().get(0).resolved()).isEqualTo(home.resolve(".ssh/b"));
        assertThat(parse("ssh -i ${HOME}/.ssh/c").identityFiles().get(0).resolved()).isEqualTo(home.resolve(".ssh/c"));
        assertThat(parse("ssh -i ~/.ssh/id_a").identityFiles().get(0).written()).isEqualTo("~/.ssh/id_a");
    }

    @Test
    void relativeKeysResolveAgainstTheWorkTree() {
        assertThat(parse("ssh -i keys/deploy").identityFiles().get(0).resolved()).isEqualTo(workTree.resolve("keys/deploy"));
    }

    @Test
    void severalIdentityFilesInOrder() {
        assertThat(parse("ssh -i /a -o IdentityFile=/b -i/c").identityFiles()).extracting(KeyFileInfo::written)
                .containsExactly("/a", "/b", "/c");
    }

    @Test
    void noIdentityFile() {
        SshCommandInfo info = parse("ssh -o StrictHostKeyChecking=yes");
        assertThat(info.isSet()).isTrue();
        assertThat(info.identityFiles()).isEmpty();
    }

    @Test
    void unclosedQuoteDoesNotThrow() {
        assertThat(parse("ssh -i \"/k/unclosed").identityFiles()).singleElement()
                .extracting(KeyFileInfo::written).isEqualTo("/k/unclosed");
        assertThat(parse("ssh -i").identityFiles()).isEmpty();
    }

    @Test
    void shellWords() {
        assertThat(ShellWords.split("  a 'b c' \"d \\\"e\\\" $x\" f\\ g h''i  ")).containsExactly("a", "b c", "d \"e\" $x", "f g", "hi");
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("''")).containsExactly("");
    }
}
