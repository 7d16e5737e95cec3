package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.testsupport.Processes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshCommandLineTest {
    @TempDir Path tmp;

    @Test
    void plain_paths_stay_readable() {
        assertThat(SshCommandLine.forKey(Path.of("/home/me/.ssh/dkm/gitlab_group_app"), null))
                .isEqualTo("ssh -i /home/me/.ssh/dkm/gitlab_group_app -o IdentitiesOnly=yes");
    }

    @Test
    void a_separate_known_hosts_file_is_named_explicitly() {
        assertThat(SshCommandLine.forKey(Path.of("/k"), Path.of("/data/known_hosts")))
                .isEqualTo("ssh -i /k -o IdentitiesOnly=yes -o UserKnownHostsFile=/data/known_hosts");
    }

    @Test
    void the_shell_git_hands_it_to_splits_awkward_paths_into_the_right_words() throws Exception {
        Path key = Path.of("/home/me/my keys/it's \"the\" key $HOME");
        Path knownHosts = Path.of("/tmp/a b/known_hosts");
        String command = SshCommandLine.forKey(key, knownHosts);

        Processes.Result words = Processes.run(tmp, tmp, List.of("sh", "-c",
                "eval \"set -- $1\"; for a; do printf '[%s]\\n' \"$a\"; done", "sh", command)).assertOk();

        assertThat(words.stdout().lines()).containsExactly("[ssh]", "[-i]", "[" + key + "]", "[-o]",
                "[IdentitiesOnly=yes]", "[-o]", "[UserKnownHostsFile=" + knownHosts + "]");
    }
}
