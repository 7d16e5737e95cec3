package dev.dkm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.convert.RepoOutcome;
import dev.dkm.convert.RepoOutcome.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results' one line per environment, as the window's Convert dialog shows them after a run. */
class EnvironmentLinesTest {
    private static RepoOutcome row(String path, Outcome outcome, String reason) {
        return new RepoOutcome(Path.of(path), path, "g/p", outcome, reason, outcome == Outcome.CONVERTED ? 1L : null);
    }

    @Test
    void each_environment_says_what_happened_there_and_a_failed_one_says_why_once() {
        List<RepoOutcome> rows = List.of(
                row("/srv/own", Outcome.CONVERTED, null),
                row("/home/codimd/a", Outcome.CONVERTED, null),
                row("/home/gone/x", Outcome.FAILED, "its environment could not be reached: no such account"),
                row("/home/codimd/b", Outcome.FAILED, "GitLab answered 403"),
                row("/home/gone/y", Outcome.FAILED, "its environment could not be reached: no such account"),
                row("/home/codimd/c", Outcome.SKIPPED, "already on SSH"),
                row("/home/mixed/p", Outcome.FAILED, "GitLab answered 403"),
                row("/home/mixed/q", Outcome.FAILED, "GitLab answered 404"));
        Map<String, String> environmentOf = Map.of("/home/codimd/a", "codimd", "/home/codimd/b", "codimd",
                "/home/codimd/c", "codimd", "/home/gone/x", "gone", "/home/gone/y", "gone", "/home/mixed/p", "mixed",
                "/home/mixed/q", "mixed");

        List<String> lines = EnvironmentConversion.environmentLines(rows, o -> environmentOf.get(o.repo().toString()));

        assertThat(lines).containsExactly(
                "this account: 1 converted",
                "codimd: 1 converted · 1 skipped · 1 failed",
                "gone: 2 failed: its environment could not be reached: no such account",
                "mixed: 2 failed"); // two reasons: each is in its own row
    }
}
