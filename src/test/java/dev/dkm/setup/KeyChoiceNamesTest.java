package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoLayout;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.SshCommandInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, defect 10: per-project key files of different projects never share a name. */
class KeyChoiceNamesTest {
    @TempDir Path tmp;

    private KeyChoice choose(String instanceUrl, String project, long id) throws Exception {
        RepoInfo repo = new RepoInfo(tmp.resolve("r"), tmp, tmp.resolve("r/.git"), RepoLayout.NORMAL, "main", RepoStatus.TOKEN_IN_URL,
                "", SshCommandInfo.NONE, List.of());
        SshEnvironment env = new SshEnvironment(tmp.resolve("keys"), tmp.resolve("known_hosts"), false, "me@box");
        return KeyChoice.choose(KeyChoice.wiredKeyOf(repo, false), SetupPlanner.hostOf(instanceUrl), project, id, false, env);
    }

    @Test
    void a_slash_and_an_underscore_no_longer_collide() throws Exception {
        Path one = choose("https://gitlab.example.com", "a/b_c", 11).file();
        Path two = choose("https://gitlab.example.com", "a_b/c", 12).file();
        assertThat(one).isNotEqualTo(two);
        assertThat(one.getFileName().toString()).isEqualTo("gitlab.example.com_a_b_c_11");
    }

    @Test
    void two_instances_on_one_host_keep_their_keys_apart() throws Exception {
        assertThat(choose("https://gitlab.corp:8443", "g/app", 5).file())
                .isNotEqualTo(choose("https://gitlab.corp:9443", "g/app", 5).file());
    }
}
