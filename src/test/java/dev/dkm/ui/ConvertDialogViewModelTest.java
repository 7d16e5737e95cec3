package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.convert.RepoOutcome;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dialog's selection, counting and ETA without the FX toolkit or a GitLab: nothing here starts a conversion. */
class ConvertDialogViewModelTest {
    private final List<RepoInfo> all = SampleRepos.everyStatus();
    private final AtomicLong now = new AtomicLong();

    private ConvertDialogViewModel model(List<RepoInfo> visible) {
        return new ConvertDialogViewModel(all, visible, () -> {
            throw new AssertionError("no conversion in this test");
        }, TaskExecutor.synchronous(), Runnable::run, now::get);
    }

    private static List<String> paths(List<RepoInfo> repos) {
        return repos.stream().map(RepoInfo::relativePath).toList();
    }

    @Test
    void the_repositories_with_tokens_in_urls_are_preselected_and_counted() {
        ConvertDialogViewModel vm = model(all);
        assertThat(paths(vm.selectedRepos())).containsExactly("payments/api", "payments/worker");
        assertThat(vm.selectedCountProperty().get()).isEqualTo(2);
        assertThat(vm.tokenCount()).isEqualTo(2);
        assertThat(vm.canPreview()).isTrue();

        vm.selectNone();
        assertThat(vm.selectedCountProperty().get()).isZero();
        assertThat(vm.canPreview()).as("nothing to preview").isFalse();

        RepoInfo web = all.stream().filter(r -> r.relativePath().equals("web/docs")).findFirst().orElseThrow();
        vm.selectedProperty(web).set(true);
        assertThat(vm.selectedCountProperty().get()).isEqualTo(1);

        vm.selectWithTokens();
        assertThat(paths(vm.selectedRepos())).containsExactly("payments/api", "payments/worker");
    }

    @Test
    void the_main_windows_filter_narrows_the_list_and_keeps_the_ticks() {
        List<RepoInfo> visible = all.stream().filter(r -> r.relativePath().startsWith("payments/api")
                || r.relativePath().startsWith("web/")).toList();
        ConvertDialogViewModel vm = model(visible);
        assertThat(vm.candidates()).hasSize(all.size());

        vm.scopeProperty().set(ConvertDialogViewModel.Scope.VISIBLE);
        assertThat(paths(vm.candidates())).containsExactly("payments/api", "web/frontend", "web/docs");
        assertThat(paths(vm.selectedRepos())).containsExactly("payments/api");
        assertThat(vm.selectedCountProperty().get()).isEqualTo(1);

        vm.scopeProperty().set(ConvertDialogViewModel.Scope.ALL);
        assertThat(vm.selectedCountProperty().get()).as("payments/worker stayed ticked").isEqualTo(2);
    }

    @Test
    void the_key_strategy_and_access_become_the_setup_options() {
        ConvertDialogViewModel vm = model(all);
        assertThat(vm.options().sharedKey()).isFalse();
        assertThat(vm.options().readOnly()).isFalse();
        vm.keyStrategyProperty().set(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        vm.readOnlyProperty().set(true);
        assertThat(vm.options().sharedKey()).isTrue();
        assertThat(vm.options().readOnly()).isTrue();
    }

    @Test
    void counts_progress_and_eta_follow_the_finished_repositories() {
        ConvertDialogViewModel vm = model(all);
        vm.totalProperty().set(4);
        now.set(Duration.ofSeconds(10).toNanos());
        vm.recordOutcome(outcome("a", RepoOutcome.Outcome.CONVERTED));
        assertThat(vm.countsTextProperty().get()).isEqualTo("1 converted · 0 failed · 3 remaining · about 30 s left");
        assertThat(vm.progressProperty().get()).isEqualTo(0.25);

        now.set(Duration.ofSeconds(40).toNanos());
        vm.recordOutcome(outcome("b", RepoOutcome.Outcome.FAILED));
        assertThat(vm.countsTextProperty().get()).isEqualTo("1 converted · 1 failed · 2 remaining · about 40 s left");

        vm.recordOutcome(outcome("c", RepoOutcome.Outcome.CONVERTED));
        vm.recordOutcome(outcome("d", RepoOutcome.Outcome.CONVERTED));
        assertThat(vm.countsTextProperty().get()).as("no ETA once all finished").isEqualTo("3 converted · 1 failed · 0 remaining");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.outcomes()).hasSize(4);
    }

    @Test
    void the_eta_is_unknown_before_the_first_repository_and_reads_in_minutes_later() {
        assertThat(ConvertDialogViewModel.eta(5_000_000_000L, 0, 10)).isNull();
        assertThat(ConvertDialogViewModel.eta(5_000_000_000L, 10, 10)).isNull();
        assertThat(ConvertDialogViewModel.eta(Duration.ofSeconds(26).toNanos(), 2, 12)).isEqualTo(Duration.ofSeconds(130));
        assertThat(ConvertDialogViewModel.etaText(Duration.ofSeconds(130))).isEqualTo("about 2 min 10 s left");
        assertThat(ConvertDialogViewModel.etaText(Duration.ofSeconds(120))).isEqualTo("about 2 min left");
        assertThat(ConvertDialogViewModel.etaText(Duration.ofMillis(200))).isEqualTo("about 1 s left");
    }

    @Test
    void nothing_runs_cancels_or_undoes_before_a_preview() {
        ConvertDialogViewModel vm = model(all);
        assertThat(vm.canRun()).isFalse();
        assertThat(vm.canCancel()).isFalse();
        assertThat(vm.canUndo()).isFalse();
        vm.run();
        vm.cancel();
        vm.undo();
        assertThat(vm.phaseProperty().get()).isEqualTo(ConvertDialogViewModel.Phase.SELECT);
        assertThat(vm.runLabel()).isEqualTo("Convert 0 repositories");
    }

    private static RepoOutcome outcome(String name, RepoOutcome.Outcome outcome) {
        return new RepoOutcome(SampleRepos.ROOT.resolve(name), name, "group/" + name, outcome,
                outcome == RepoOutcome.Outcome.FAILED ? "GitLab answered 403" : null, null);
    }
}
