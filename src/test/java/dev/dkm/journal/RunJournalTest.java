package dev.dkm.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
    private static final Instant T = Instant.parse("2026-11-21T23:59:59Z");

    @TempDir Path tmp;

    @Test
    void entries_round_trip_in_order() throws Exception {
        List<JournalEntry> written = List.of(
                new JournalEntry.RunStarted(T, "r1", "convert ~/src (per-repo keys)"),
                new JournalEntry.ConfigSaved(T, "/ws/app", "/ws/app/.git/config", "W2NvcmVd"),
                new JournalEntry.KeyIntended(T, "/ws/app", "https://gitlab.example.com", 42, "SHA256:abc"),
                new JournalEntry.KeyCreated(T, "/ws/app", "https://gitlab.example.com", 42, 7, "SHA256:abc"),
                new JournalEntry.KeyAccessChanged(T, "/ws/app", "https://gitlab.example.com", 42, 7, false),
                new JournalEntry.BranchRuleAdded(T, "/ws/app", "https://gitlab.example.com", 42, "main", null),
                new JournalEntry.BranchRuleAdded(T, "/ws/app", "https://gitlab.example.com", 42, "main", 9L),
                new JournalEntry.RepoFinished(T, "/ws/app", "converted", null),
                new JournalEntry.RunFinished(T, "1 converted"),
                new JournalEntry.RunUndone(T, "1 restored"));
        try (RunJournal journal = RunJournal.open(tmp.resolve("runs"), "r1")) {
            for (JournalEntry e : written) {
                journal.append(e);
            }
        }
        assertThat(RunJournal.read(RunJournal.fileOf(tmp.resolve("runs"), "r1"))).containsExactlyElementsOf(written);
    }

    @Test
    void the_journal_is_private_because_it_holds_original_configs() throws Exception {
        try (RunJournal journal = RunJournal.open(tmp.resolve("runs"), "r1")) {
            journal.append(new JournalEntry.RunStarted(T, "r1", "x"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file()))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("runs")))).isEqualTo("rwx------");
    }

    @Test
    void a_line_torn_by_a_crash_is_ignored_and_appending_goes_on() throws Exception {
        Path runs = tmp.resolve("runs");
        try (RunJournal journal = RunJournal.open(runs, "r1")) {
            journal.append(new JournalEntry.RunStarted(T, "r1", "x"));
        }
        Files.writeString(RunJournal.fileOf(runs, "r1"), "{\"at\":\"2026-11-21T23:59:59Z\",\"type\":\"config-sa",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(RunJournal.read(RunJournal.fileOf(runs, "r1"))).hasSize(1);
    }

    @Test
    void runs_are_listed_newest_first_and_ids_sort_by_time() throws Exception {
        String older = RunJournal.newRunId(T);
        String newer = RunJournal.newRunId(T.plusSeconds(60));
        RunJournal.open(tmp, older).close();
        RunJournal.open(tmp, newer).close();
        assertThat(RunJournal.list(tmp)).containsExactly(newer, older);
        assertThat(older).matches("20261121-235959-[0-9a-f]{4}");
    }

    @Test
    void a_run_id_cannot_escape_the_runs_directory() {
        assertThatThrownBy(() -> RunJournal.fileOf(tmp, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
