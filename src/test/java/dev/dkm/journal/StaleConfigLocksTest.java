package dev.dkm.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitconfig.ConfigPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code config.lock} a killed run leaves is taken away by undo and resume, and no other: not one that was there
 * before the run, not one a live process holds open (a real {@code sleep} with the lock as its stdin), not one touched
 * a moment ago.
 */
class StaleConfigLocksTest {
    @TempDir Path tmp;
    Path config;
    Path lock;
    Instant changedAt;

    @BeforeEach
    void repo() throws Exception {
        Path git = Files.createDirectories(tmp.resolve("repo/.git"));
        config = Files.writeString(git.resolve("config"), "[core]\n\tbare = false\n");
        lock = git.resolve("config.lock");
        changedAt = Instant.parse("2026-11-27T10:00:00Z");
    }

    private List<JournalEntry> journal() {
        return List.of(new JournalEntry.ConfigChanged(changedAt, config.getParent().getParent().toString(), config.toString(),
                (ConfigPatch) null));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private void lockTouchedAt(Instant when) throws Exception {
        Files.writeString(lock, "[core]\n\tbare = fal"); // half of what the killed run was writing
        Files.setLastModifiedTime(lock, FileTime.from(when));
    }

    @Test
    void a_lock_the_run_left_is_removed_and_said() throws Exception {
        lockTouchedAt(changedAt.plusMillis(300));
        List<String> said = StaleConfigLocks.clear(journal(), at(changedAt.plusSeconds(5)));
        assertThat(lock).doesNotExist();
        assertThat(config).hasContent("[core]\n\tbare = false");
        assertThat(said).singleElement().asString().contains("removed the config.lock the interrupted run left");
    }

    @Test
    void a_lock_older_than_the_run_is_not_ours() throws Exception {
        lockTouchedAt(changedAt.minusSeconds(60));
        assertThat(StaleConfigLocks.clear(journal(), at(changedAt.plusSeconds(5)))).isEmpty();
        assertThat(lock).exists();
    }

    @Test
    void a_lock_touched_a_moment_ago_may_be_a_git_at_work() throws Exception {
        lockTouchedAt(changedAt.plusSeconds(4).plusMillis(500));
        assertThat(StaleConfigLocks.clear(journal(), at(changedAt.plusSeconds(5)))).isEmpty();
        assertThat(lock).exists();
    }

    @Test
    void a_lock_a_live_process_holds_open_stays_until_it_is_gone() throws Exception {
        lockTouchedAt(changedAt.plusMillis(300));
        Process holder = new ProcessBuilder("sleep", "60").redirectInput(lock.toFile()).start();
        try {
            assertThat(StaleConfigLocks.openByAnyProcess(lock)).isTrue();
            assertThat(StaleConfigLocks.clear(journal(), at(changedAt.plusSeconds(5)))).isEmpty();
            assertThat(lock).exists();
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(StaleConfigLocks.clear(journal(), at(changedAt.plusSeconds(5)))).hasSize(1);
        assertThat(lock).doesNotExist();
    }

    @Test
    void another_environments_config_is_never_touched_from_here() throws Exception {
        lockTouchedAt(changedAt.plusMillis(300));
        List<JournalEntry> elsewhere = List.of(new JournalEntry.ConfigChanged(changedAt, "repo", config.toString(), null, "app"));
        assertThat(StaleConfigLocks.clear(elsewhere, at(changedAt.plusSeconds(5)))).isEmpty();
        assertThat(lock).exists();
    }
}
