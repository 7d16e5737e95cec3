package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The main window's state without the FX toolkit: the synchronous executor runs each scan inside scan(). */
class MainWindowViewModelTest {
    private final WorkspaceRootsStore store = WorkspaceRootsStore.inMemory(List.of(SampleRepos.ROOT));
    private final List<List<Path>> scannedRoots = new ArrayList<>();

    private MainWindowViewModel viewModel(List<RepoInfo> result) {
        return new MainWindowViewModel(TaskExecutor.synchronous(), (roots, progress) -> {
            scannedRoots.add(roots);
            return result;
        }, store);
    }

    @Test
    void before_the_first_scan_there_is_nothing_to_count() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        assertThat(vm.scanStateProperty().get()).isEqualTo(ScanState.NOT_SCANNED);
        assertThat(vm.summaryTextProperty().get()).isEmpty();
        assertThat(vm.roots()).containsExactly(SampleRepos.ROOT);
    }

    @Test
    void a_scan_fills_the_table_and_counts_what_matters() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        vm.scan();

        assertThat(vm.scanStateProperty().get()).isEqualTo(ScanState.DONE);
        assertThat(vm.visibleRepos()).hasSize(11);
        assertThat(vm.summaryProperty().get()).isEqualTo(new RepoSummary(11, 2, 2, 2, 1));
        assertThat(vm.summaryTextProperty().get())
                .isEqualTo("11 repos · 2 with tokens in URLs · 2 wired to deploy keys · 2 keys missing · 1 error");
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(vm.statusMessageProperty().get()).matches("Scanned in \\d+\\.\\d s");
    }

    @Test
    void the_filter_box_matches_every_word_over_path_project_host_and_status() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        vm.scan();

        vm.filterTextProperty().set("PLATFORM");
        assertThat(paths(vm)).containsExactly("platform/api", "platform/infra", "platform/legacy");

        vm.filterTextProperty().set("platform wired");
        assertThat(paths(vm)).containsExactly("platform/api", "platform/infra");

        vm.filterTextProperty().set("ops/scripts");
        assertThat(paths(vm)).containsExactly("tools/scripts");

        vm.filterTextProperty().set("frontend-upstream");
        assertThat(paths(vm)).containsExactly("web/frontend");

        vm.filterTextProperty().set("gitlab.example.com token-in-url");
        assertThat(paths(vm)).containsExactly("payments/api", "payments/worker");
        assertThat(vm.summaryTextProperty().get()).startsWith("2 of 11 repos");

        vm.filterTextProperty().set("  ");
        assertThat(vm.visibleRepos()).hasSize(11);
    }

    @Test
    void the_quick_filter_combines_with_the_text() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        vm.scan();

        vm.quickFilterProperty().set(RepoQuickFilter.TOKENS_IN_URLS);
        assertThat(paths(vm)).containsExactly("payments/api", "payments/worker");

        vm.filterTextProperty().set("worker");
        assertThat(paths(vm)).containsExactly("payments/worker");

        vm.quickFilterProperty().set(RepoQuickFilter.ERRORS);
        assertThat(vm.visibleRepos()).isEmpty();

        vm.filterTextProperty().set("");
        assertThat(paths(vm)).containsExactly("broken/repo");

        vm.quickFilterProperty().set(RepoQuickFilter.NO_NETWORK_REMOTE);
        assertThat(paths(vm)).containsExactly("tools/mirror", "sandbox/notes");
    }

    @Test
    void quick_filters_show_their_counts_once_something_was_scanned() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        assertThat(vm.quickFilterLabel(RepoQuickFilter.TOKENS_IN_URLS)).isEqualTo("Tokens in URLs");

        vm.scan();

        assertThat(vm.quickFilterLabel(RepoQuickFilter.TOKENS_IN_URLS)).isEqualTo("Tokens in URLs (2)");
        assertThat(vm.quickFilterLabel(RepoQuickFilter.ALL)).isEqualTo("All repositories (11)");
    }

    @Test
    void every_status_is_reachable_through_a_quick_filter() {
        for (RepoStatus status : RepoStatus.values()) {
            RepoInfo repo = SampleRepos.repo("x", status, "", dev.dkm.workspace.SshCommandInfo.NONE);
            assertThat(List.of(RepoQuickFilter.values()))
                    .filteredOn(f -> f != RepoQuickFilter.ALL && f.test(repo))
                    .as(status.id()).hasSize(1);
        }
    }

    @Test
    void adding_a_root_remembers_it_and_scans_all_roots() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        Path other = Path.of("/srv/other");

        vm.addRoot(other);
        vm.addRoot(other);

        assertThat(vm.roots()).containsExactly(SampleRepos.ROOT, other);
        assertThat(store.load()).containsExactly(SampleRepos.ROOT, other);
        assertThat(scannedRoots).last().isEqualTo(List.of(SampleRepos.ROOT, other));
    }

    @Test
    void removing_a_root_forgets_it_and_drops_its_repositories_and_the_selection() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        vm.scan();
        vm.selectedRepoProperty().set(vm.repos().get(0));

        vm.removeRoot(SampleRepos.ROOT);

        assertThat(vm.roots()).isEmpty();
        assertThat(store.load()).isEmpty();
        assertThat(vm.repos()).isEmpty();
        assertThat(vm.selectedRepoProperty().get()).isNull();
        assertThat(vm.canScan()).isFalse();
    }

    @Test
    void with_several_roots_the_table_path_names_the_root() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        RepoInfo api = SampleRepos.everyStatus().get(0);
        assertThat(vm.displayPath(api)).isEqualTo("payments/api");

        vm.addRoot(Path.of("/srv/other"));

        assertThat(vm.displayPath(api)).isEqualTo("work/payments/api");
    }

    @Test
    void a_store_that_cannot_save_does_not_stop_the_scan_and_says_so() {
        WorkspaceRootsStore broken = new WorkspaceRootsStore() {
            @Override
            public List<Path> load() {
                return List.of();
            }

            @Override
            public void save(List<Path> roots) {
                throw new java.io.UncheckedIOException(new java.io.IOException("read-only file system"));
            }
        };
        MainWindowViewModel vm = new MainWindowViewModel(TaskExecutor.synchronous(),
                (roots, p) -> SampleRepos.everyStatus(), broken);

        vm.addRoot(SampleRepos.ROOT);

        assertThat(vm.repos()).hasSize(11);
        assertThat(vm.rootsProblemProperty().get())
                .isEqualTo("Could not remember the workspace folders: java.io.IOException: read-only file system");
    }

    @Test
    void a_rescan_keeps_the_selected_repository_selected() {
        MainWindowViewModel vm = viewModel(SampleRepos.everyStatus());
        vm.scan();
        vm.selectedRepoProperty().set(vm.repos().get(3));

        vm.scan();

        assertThat(vm.selectedRepoProperty().get().relativePath()).isEqualTo("platform/infra");
    }

    @Test
    void a_failed_scan_says_why_and_keeps_the_previous_rows() {
        List<RepoInfo> first = SampleRepos.everyStatus();
        boolean[] fail = {false};
        MainWindowViewModel vm = new MainWindowViewModel(TaskExecutor.synchronous(), (roots, p) -> {
            if (fail[0]) {
                throw new IllegalStateException("disk on fire");
            }
            return first;
        }, store);
        vm.scan();
        fail[0] = true;

        vm.scan();

        assertThat(vm.scanStateProperty().get()).isEqualTo(ScanState.FAILED);
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Scan failed: disk on fire");
        assertThat(vm.repos()).hasSize(11);
        assertThat(vm.canScan()).isTrue();
    }

    @Test
    void cancel_stops_the_scan_and_shows_what_was_found_so_far() throws Exception {
        BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        CountDownLatch threeFound = new CountDownLatch(1);
        List<RepoInfo> all = SampleRepos.everyStatus();
        try (TaskExecutor executor = TaskExecutor.background(callbacks::add)) {
            MainWindowViewModel vm = new MainWindowViewModel(executor, (roots, progress) -> {
                List<RepoInfo> found = new ArrayList<>();
                for (RepoInfo repo : all) {
                    if (found.size() == 3) {
                        threeFound.countDown();
                        while (!progress.isCancelled()) {
                            LockSupport.parkNanos(5_000_000); // wait for Cancel without burning a shared CPU
                        }
                    }
                    if (progress.isCancelled()) {
                        break;
                    }
                    found.add(repo);
                    progress.update(found.size(), -1, repo.path().toString());
                }
                return found;
            }, store);

            vm.scan();
            assertThat(threeFound.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(vm.scanStateProperty().get()).isEqualTo(ScanState.SCANNING);
            assertThat(vm.canScan()).isFalse();
            assertThat(vm.progressProperty().get()).isEqualTo(MainWindowViewModel.INDETERMINATE);

            vm.cancelScan();
            while (vm.scanStateProperty().get() == ScanState.SCANNING) {
                Runnable callback = callbacks.poll(5, TimeUnit.SECONDS);
                assertThat(callback).as("a callback after cancel").isNotNull();
                callback.run();
            }

            assertThat(vm.scanStateProperty().get()).isEqualTo(ScanState.CANCELLED);
            assertThat(vm.repos()).hasSize(3);
            assertThat(vm.statusMessageProperty().get()).isEqualTo("Scan cancelled: showing the 3 found so far");
        }
    }

    private static List<String> paths(MainWindowViewModel vm) {
        return vm.visibleRepos().stream().map(RepoInfo::relativePath).toList();
    }

    @Test
    void environments_are_scanned_after_the_roots_their_progress_counts_environments_and_a_failed_one_is_a_notice() {
        RepoInfo theirs = SampleRepos.repo("site", RepoStatus.SSH_DEFAULT_KEY, "", SampleRepos.wiredTo("k", true, false),
                SampleRepos.ssh("origin", "team/site")).inEnvironment("codimd");
        List<String> messages = new ArrayList<>();
        List<List<dev.dkm.environments.EnvironmentSpec>> asked = new ArrayList<>();
        MainWindowViewModel vm = new MainWindowViewModel(TaskExecutor.synchronous(), (roots, p) -> SampleRepos.everyStatus(), store,
                (specs, p) -> {
                    asked.add(specs);
                    p.update(1, 2, "codimd");
                    p.update(2, 2, "ghost");
                    return List.of(
                            new dev.dkm.environments.EnvironmentScan.Result(specs.get(0), List.of(), List.of(), List.of(theirs), List.of(), null),
                            new dev.dkm.environments.EnvironmentScan.Result(specs.get(1), List.of(), List.of(), List.of(), List.of(),
                                    "there is no account ghost on this machine"));
                });
        vm.statusMessageProperty().addListener((o, old, now) -> messages.add(now));
        assertThat(vm.addEnvironment("codimd", false)).isEmpty();
        assertThat(vm.addEnvironment(" ghost ", false)).isEmpty();

        assertThat(asked.get(asked.size() - 1)).extracting(dev.dkm.environments.EnvironmentSpec::id).containsExactly("codimd", "ghost");
        assertThat(messages).contains("Scanning… 1 of 2 environments done").noneMatch(m -> m.contains("repository found"));
        assertThat(vm.repos()).hasSize(SampleRepos.everyStatus().size() + 1).contains(theirs);
        assertThat(vm.environmentFailures()).containsExactly("ghost: there is no account ghost on this machine");
        assertThat(vm.statusMessageProperty().get()).contains("could not scan ghost: there is no account ghost on this machine");
        assertThat(store.loadEnvironments()).containsExactly("codimd", "ghost");
        assertThat(MainWindowViewModel.environmentLabel(theirs)).isEqualTo("codimd");
        vm.filterTextProperty().set("codimd");
        assertThat(vm.visibleRepos()).containsExactly(theirs);

        vm.removeEnvironment(dev.dkm.environments.EnvironmentSpec.account("ghost"));
        assertThat(vm.environmentFailures()).isEmpty();
        assertThat(vm.addEnvironment("", true)).isEqualTo("an environment needs an account name or a command");
    }

    @Test
    void an_environment_removed_while_the_scan_runs_does_not_come_back_with_its_rows() {
        RepoInfo theirs = SampleRepos.repo("site", RepoStatus.NO_REMOTE, "", SampleRepos.wiredTo("k", true, false))
                .inEnvironment("codimd");
        MainWindowViewModel[] vm = new MainWindowViewModel[1];
        boolean[] removeDuringScan = {false};
        vm[0] = new MainWindowViewModel(TaskExecutor.synchronous(), (roots, p) -> List.of(), store, (specs, p) -> {
            if (removeDuringScan[0]) {
                vm[0].removeEnvironment(dev.dkm.environments.EnvironmentSpec.account("codimd")); // the user, meanwhile
            }
            return List.of(new dev.dkm.environments.EnvironmentScan.Result(specs.get(0), List.of(), List.of(), List.of(theirs),
                    List.of(), null));
        });
        vm[0].addEnvironment("codimd", false);
        assertThat(vm[0].repos()).containsExactly(theirs);
        removeDuringScan[0] = true;
        vm[0].scan();
        assertThat(vm[0].environments()).isEmpty();
        assertThat(vm[0].repos()).isEmpty();
    }
}
