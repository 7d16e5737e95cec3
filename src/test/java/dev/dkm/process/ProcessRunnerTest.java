package dev.dkm.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one process runner, with real processes: timeouts kill the tree, streams never deadlock, no terminal. */
class ProcessRunnerTest {
    @TempDir Path tmp;

    private static ProcessRunner.Command sh(String script, Duration timeout) {
        return ProcessRunner.Command.of(List.of("sh", "-c", script), timeout);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    @Timeout(30)
    void a_timeout_fires_and_kills_the_whole_tree_even_when_a_child_holds_the_pipes() throws Exception {
        Path pidFile = tmp.resolve("pid");
        long start = System.nanoTime();
        ProcessRunner.Result r = ProcessRunner.run(sh("sleep 300 & echo $! > '" + pidFile + "'; wait", Duration.ofSeconds(1)));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.ok()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && alive(child); i++) {
            Thread.sleep(100);
        }
        assertThat(alive(child)).as("the grandchild (git's ssh, say) is killed too").isFalse();
    }

    @Test
    @Timeout(60)
    void megabytes_on_both_streams_and_unread_stdin_never_deadlock() throws Exception {
        ProcessRunner.Result r = ProcessRunner.run(sh(
                "head -c 3000000 /dev/zero | tr '\\0' e >&2; head -c 3000000 /dev/zero | tr '\\0' o; head -c 100000 /dev/zero | tr '\\0' E >&2",
                Duration.ofSeconds(30)).stdin(new byte[5_000_000]));
        assertThat(r.ok()).as(r.stderr().length() + " bytes of stderr").isTrue();
        assertThat(r.stdoutBytes()).hasSize(3_000_000);
        assertThat(r.stderrBytes()).hasSize(3_100_000);
    }

    @Test
    void stdin_is_fed_and_env_set_or_removed() throws Exception {
        ProcessRunner.Result r = ProcessRunner.run(sh("cat; printf ' %s|%s' \"$DKM_A\" \"${HOME:-unset}\"", Duration.ofSeconds(10))
                .stdin("hello".getBytes(StandardCharsets.UTF_8)).env(new java.util.HashMap<>(Map.of("DKM_A", "a")) {{
                    put("HOME", null);
                }}));
        assertThat(r.stdout()).isEqualTo("hello a|unset");
        ProcessRunner.Result none = ProcessRunner.run(sh("cat", Duration.ofSeconds(10)));
        assertThat(none.ok()).as("stdin is /dev/null when none is given: cat ends at once").isTrue();
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void no_terminal_means_a_new_session_that_cannot_open_dev_tty() throws Exception {
        ProcessRunner.Result r = ProcessRunner.run(sh("echo $$ $(ps -o sid= -p $$); (exec </dev/tty) 2>/dev/null && echo tty || echo notty",
                Duration.ofSeconds(10)).noTerminal());
        String[] lines = r.stdout().strip().split("\n");
        String[] ids = lines[0].trim().split("\\s+");
        assertThat(ids[1]).as("session leader: no controlling terminal").isEqualTo(ids[0]);
        assertThat(lines[1]).isEqualTo("notty");
    }

    @Test
    void a_working_directory_whose_name_is_not_utf8_is_reached() throws Exception {
        assertThat(new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'caf\\351')\"").directory(tmp.toFile()).start().waitFor()).isZero();
        Path raw;
        try (var s = Files.newDirectoryStream(tmp)) {
            raw = s.iterator().next();
        }
        ProcessRunner.Result r = ProcessRunner.run(sh("pwd -P | od -An -c | tr -d ' \\n'", Duration.ofSeconds(10)).in(raw));
        assertThat(r.ok()).as(r.stderr()).isTrue();
        assertThat(r.stdout()).endsWith("/caf351\\n");
    }
}
