package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.setup.GitErrorExplainer.Cause;
import org.junit.jupiter.api.Test;

/** The inputs are what OpenSSH 9 and gitlab-shell really print. */
class GitErrorExplainerTest {
    private static final String TAIL = "\nfatal: Could not read from remote repository.\n\n"
            + "Please make sure you have the correct access rights\nand the repository exists.\n";

    @Test
    void unknown_host_key() {
        assertThat(GitErrorExplainer.explain("No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed." + TAIL).cause())
                .isEqualTo(Cause.HOST_KEY_UNKNOWN);
    }

    @Test
    void changed_host_key_wins_over_the_generic_failure_line() {
        String stderr = "@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@\nHost key verification failed." + TAIL;
        assertThat(GitErrorExplainer.explain(stderr).cause()).isEqualTo(Cause.HOST_KEY_CHANGED);
        assertThat(GitErrorExplainer.explain(stderr).sentence()).contains("may be an attack");
    }

    @Test
    void rejected_key() {
        assertThat(GitErrorExplainer.explain("git@127.0.0.1: Permission denied (publickey)." + TAIL).cause()).isEqualTo(Cause.KEY_REJECTED);
    }

    @Test
    void read_only_deploy_key() {
        assertThat(GitErrorExplainer.explain("ERROR: You are not allowed to push code to this project." + TAIL).cause())
                .isEqualTo(Cause.READ_ONLY_KEY);
    }

    @Test
    void gitlab_s_own_deploy_key_messages() {
        assertThat(GitErrorExplainer.explain("ERROR: This deploy key does not have write access to this project." + TAIL).cause())
                .isEqualTo(Cause.READ_ONLY_KEY);
        assertThat(GitErrorExplainer.explain("ERROR: This deploy key does not have access to this project." + TAIL).cause())
                .isEqualTo(Cause.KEY_NOT_ENABLED);
    }

    @Test
    void protected_branch() {
        String stderr = "remote: GitLab: You are not allowed to push code to protected branches on this project.\n"
                + "To ssh://127.0.0.1:2222/group/app.git\n ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs";
        assertThat(GitErrorExplainer.explain(stderr).cause()).isEqualTo(Cause.PROTECTED_BRANCH);
    }

    @Test
    void key_not_enabled_on_this_project() {
        assertThat(GitErrorExplainer.explain("ERROR: The project you were looking for could not be found or you don't have permission to view it." + TAIL).cause())
                .isEqualTo(Cause.KEY_NOT_ENABLED);
    }

    @Test
    void world_readable_key() {
        assertThat(GitErrorExplainer.explain("@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\nPermissions 0644 for '/k' are too open." + TAIL).cause())
                .isEqualTo(Cause.KEY_FILE_PERMISSIONS);
    }

    @Test
    void network() {
        assertThat(GitErrorExplainer.explain("ssh: connect to host 127.0.0.1 port 1: Connection refused" + TAIL).cause()).isEqualTo(Cause.NETWORK);
    }

    @Test
    void anything_else_keeps_git_s_own_fatal_line() {
        GitErrorExplainer.Explanation e = GitErrorExplainer.explain("fatal: 'nope' does not appear to be a git repository" + TAIL);
        assertThat(e.cause()).isEqualTo(Cause.OTHER);
        assertThat(e.sentence()).isEqualTo("git failed: fatal: 'nope' does not appear to be a git repository");
    }
}
