package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 10: GitRunner's timeout stops git and the ssh it started (the old one killed git alone and left
 * ssh running, its streams read on the common pool), and git runs where ssh cannot prompt.
 */
class GitRunnerTest {
    @TempDir Path tmp;

    /** A "git" that starts a long "ssh" child and waits for it, as git does during a fetch. */
    private Path fakeGit(String body) throws Exception {
        Path git = tmp.resolve("git");
        Files.writeString(git, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
        return git;
    }

    @Test
    @Timeout(30)
    void a_timeout_stops_git_and_its_ssh() throws Exception {
        Path pid = tmp.resolve("ssh.pid");
        GitRunner runner = new GitRunner(fakeGit("sleep 600 & echo $! > '" + pid + "'; wait").toString(), Map.of(), 1);
        GitRunner.Result r = runner.run(tmp, List.of("ls-remote", "origin"));
        assertThat(r.exitCode()).isEqualTo(124);
        assertThat(r.stderr()).contains("did not finish within 1 s");
        long ssh = Long.parseLong(Files.readString(pid).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(ssh).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(ssh).map(ProcessHandle::isAlive).orElse(false)).as("ssh killed with git").isFalse();
    }

    @Test
    void git_runs_without_a_terminal_or_askpass_so_ssh_cannot_prompt() throws Exception {
        GitRunner runner = new GitRunner(fakeGit("(exec </dev/tty) 2>/dev/null && echo tty || echo notty; "
                + "echo \"$GIT_TERMINAL_PROMPT $SSH_ASKPASS_REQUIRE\"").toString(), Map.of(), 10);
        GitRunner.Result r = runner.run(tmp, List.of("fetch"));
        assertThat(r.stdout().lines().toList()).containsExactly("notty", "0 never");
    }
}
