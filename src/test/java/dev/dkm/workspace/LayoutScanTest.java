package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.Progress;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which repositories the walk finds, how it classifies them, and what it survives. */
class LayoutScanTest {
    @TempDir
    Path tmp;

    GitFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
    }

    private static List<String> paths(List<RepoInfo> repos) {
        return repos.stream().map(RepoInfo::relativePath).toList();
    }

    @Test
    void normalRepoWithUnbornBranch() throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("a", null));
        assertThat(repo.layout()).isEqualTo(RepoLayout.NORMAL);
        assertThat(repo.bare()).isFalse();
        assertThat(repo.branch()).isEqualTo("main");
        assertThat(repo.gitDir()).isEqualTo(repo.path().resolve(".git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.NO_REMOTE);
        assertThat(repo.statusReason()).isEqualTo("no remote configured");
    }

    @Test
    void detachedHeadHasNoBranch() throws IOException {
        Path dir = fx.repoWithCommit("d", null);
        fx.git(dir, "checkout", "-q", "--detach");
        assertThat(fx.scanOne(dir).branch()).isNull();
    }

    @Test
    void linkedWorktreeReadsRemotesFromTheCommonDir() throws IOException {
        Path main = fx.repoWithCommit("main", "git@gitlab.com:g/p.git");
        fx.git(main, "worktree", "add", "-q", "-b", "feature", fx.root.resolve("wt").toString());
        List<RepoInfo> repos = fx.scan();
        assertThat(paths(repos)).containsExactly("main", "wt");
        RepoInfo wt = repos.get(1);
        assertThat(wt.layout()).isEqualTo(RepoLayout.WORKTREE);
        assertThat(wt.gitDir()).isEqualTo(main.resolve(".git/worktrees/wt"));
        assertThat(wt.branch()).isEqualTo("feature");
        assertThat(wt.remotes()).singleElement().extracting(RemoteInfo::projectPath).isEqualTo("g/p");
        assertThat(repos.get(0).branch()).isEqualTo("main");
    }

    @Test
    void submoduleIsFoundInsideItsSuperproject() throws IOException {
        Path lib = fx.repoWithCommit("upstream/lib", null);
        Path app = fx.repoWithCommit("app", "git@gitlab.com:g/app.git");
        fx.git(app, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "vendor/lib");
        List<RepoInfo> repos = fx.scan();
        assertThat(paths(repos)).containsExactly("app", "app/vendor/lib", "upstream/lib");
        RepoInfo sub = repos.get(1);
        assertThat(sub.layout()).isEqualTo(RepoLayout.SUBMODULE);
        assertThat(sub.gitDir()).isEqualTo(app.resolve(".git/modules/vendor/lib"));
        assertThat(sub.status()).isEqualTo(RepoStatus.LOCAL_REMOTE);
        assertThat(sub.remotes().get(0).url()).isEqualTo(lib.toString());
    }

    @Test
    void bareRepositoryIsFoundAndNotEntered() throws IOException {
        Path bare = fx.root.resolve("srv/p.git");
        Files.createDirectories(bare);
        fx.git(bare, "init", "-q", "--bare", "-b", "trunk");
        fx.git(bare, "remote", "add", "origin", "https://gitlab.com/g/p.git");
        // a folder that looks like a repository inside the bare repo's internals must not be reported
        Files.createDirectories(bare.resolve("hooks/fake/.git"));
        RepoInfo repo = fx.scanOne(bare);
        assertThat(fx.scan()).hasSize(1);
        assertThat(repo.bare()).isTrue();
        assertThat(repo.layout()).isEqualTo(RepoLayout.BARE);
        assertThat(repo.gitDir()).isEqualTo(repo.path());
        assertThat(repo.branch()).isEqualTo("trunk");
        assertThat(repo.status()).isEqualTo(RepoStatus.HTTPS_NO_TOKEN);
    }

    @Test
    void nestedRepositoryInsideAWorkingTree() throws IOException {
        fx.repo("outer", "git@h:g/outer.git");
        fx.repo("outer/deep/inner", "git@h:g/inner.git");
        assertThat(paths(fx.scan())).containsExactly("outer", "outer/deep/inner");
    }

    @Test
    void neverEntersADotGitDirectory() throws IOException {
        Path outer = fx.repo("outer", null);
        // something inside .git that would look like a repository to a naive walk
        Files.createDirectories(outer.resolve(".git/stuff/.git"));
        fx.git(outer.resolve(".git"), "init", "-q", "--bare", "inner.git");
        assertThat(paths(fx.scan())).containsExactly("outer");
    }

    @Test
    void ignoredFolderNamesAreSkipped() throws IOException {
        fx.repo("node_modules/pkg", null);
        fx.repo("app/vendor-cache/x", null);
        fx.repo("app/src/y", null);
        ScanOptions options = new ScanOptions(12, Set.of("node_modules", "vendor-cache"));
        assertThat(paths(fx.scanner(options).scan(List.of(fx.root), Progress.NONE))).containsExactly("app/src/y");
    }

    @Test
    void depthLimit() throws IOException {
        fx.repo("a/b/c", null);
        fx.repo("top", null);
        assertThat(paths(fx.scanner(ScanOptions.defaults().withMaxDepth(2)).scan(List.of(fx.root), Progress.NONE)))
                .containsExactly("top");
        assertThat(paths(fx.scanner(ScanOptions.defaults().withMaxDepth(3)).scan(List.of(fx.root), Progress.NONE)))
                .containsExactly("a/b/c", "top");
        assertThat(paths(fx.scanner(ScanOptions.defaults().withMaxDepth(0)).scan(List.of(fx.root.resolve("top")),
                Progress.NONE))).containsExactly(".");
    }

    @Test
    void symlinkLoopsAreNotFollowed() throws IOException {
        fx.repo("a", null);
        Files.createSymbolicLink(fx.root.resolve("a/loop"), fx.root);
        Files.createSymbolicLink(fx.root.resolve("self"), fx.root.resolve("."));
        fx.repo("b/c", null);
        Files.createSymbolicLink(fx.root.resolve("b/c/up"), fx.root.resolve("b"));
        assertThat(paths(fx.scan())).containsExactly("a", "b/c");
    }

    @Test
    void unreadableFolderIsSkippedAndTheScanGoesOn() throws IOException {
        fx.repo("ok", null);
        Path locked = Files.createDirectories(fx.root.resolve("locked"));
        fx.repo("locked/inside", null);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            ScanResult result = fx.scanner(ScanOptions.defaults()).scanAll(List.of(fx.root), Progress.NONE);
            if (canList(locked)) {
                // running as root: mode 000 does not stop root, so the repository is simply found
                assertThat(paths(result.repos())).containsExactly("locked/inside", "ok");
                assertThat(result.unreadableFolders()).isEmpty();
            } else {
                assertThat(paths(result.repos())).containsExactly("ok");
                assertThat(result.unreadableFolders()).containsExactly(locked);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean canList(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator() != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Unreadable even for root: a .git file whose gitdir is gone (a moved worktree, a deleted superproject). */
    @Test
    void dotGitFilePointingNowhereIsAnError() throws IOException {
        Path dir = Files.createDirectories(fx.root.resolve("orphan"));
        Files.writeString(dir.resolve(".git"), "gitdir: ../gone/.git/worktrees/orphan\n");
        fx.repo("fine", null);
        List<RepoInfo> repos = fx.scan();
        assertThat(paths(repos)).containsExactly("fine", "orphan");
        RepoInfo orphan = repos.get(1);
        assertThat(orphan.status()).isEqualTo(RepoStatus.ERROR);
        assertThat(orphan.layout()).isEqualTo(RepoLayout.WORKTREE);
        assertThat(orphan.statusReason()).contains("points at").contains("does not exist").doesNotContain("\n");
    }

    @Test
    void unreadableGitDirIsAnError() throws IOException {
        Path dir = fx.repo("sealed", null);
        Path gitDir = dir.resolve(".git");
        Files.setPosixFilePermissions(gitDir, PosixFilePermissions.fromString("---------"));
        try {
            RepoInfo repo = fx.scanOne(dir);
            if (canList(gitDir)) {
                assertThat(repo.status()).isEqualTo(RepoStatus.NO_REMOTE); // root reads through mode 000
            } else {
                assertThat(repo.status()).isEqualTo(RepoStatus.ERROR);
                assertThat(repo.statusReason()).contains("permission denied");
            }
        } finally {
            Files.setPosixFilePermissions(gitDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Unreadable whoever runs the test: HEAD is a folder, so reading it fails with an I/O error. */
    @Test
    void headThatCannotBeReadIsAnError() throws IOException {
        Path dir = fx.repo("weird", null);
        Files.delete(dir.resolve(".git/HEAD"));
        Files.createDirectory(dir.resolve(".git/HEAD"));
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.status()).isEqualTo(RepoStatus.ERROR);
        assertThat(repo.statusReason()).startsWith("cannot read the repository:").doesNotContain("\n");
    }

    @Test
    void dotGitFileWithoutGitdirIsAnError() throws IOException {
        Path dir = Files.createDirectories(fx.root.resolve("junk"));
        Files.writeString(dir.resolve(".git"), "this is not a git file\n");
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.status()).isEqualTo(RepoStatus.ERROR);
        assertThat(repo.statusReason()).contains("gitdir:");
    }

    @Test
    void dotGitDirectoryWithoutHeadIsAnError() throws IOException {
        Path dir = fx.repo("nohead", null);
        Files.delete(dir.resolve(".git/HEAD"));
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.status()).isEqualTo(RepoStatus.ERROR);
        assertThat(repo.statusReason()).startsWith("not a git repository:").contains("HEAD");
    }

    @Test
    void brokenConfigIsAnErrorWithAReasonAndNoToken() throws IOException {
        Path dir = fx.repo("broken", null);
        Files.writeString(dir.resolve(".git/config"),
                "[core]\n\tbare = false\n[remote \"origin\"\n\turl = https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@h/g/p.git\n");
        fx.repo("next", "git@h:g/p.git");
        List<RepoInfo> repos = fx.scan();
        assertThat(paths(repos)).containsExactly("broken", "next");
        RepoInfo broken = repos.get(0);
        assertThat(broken.status()).isEqualTo(RepoStatus.ERROR);
        assertThat(broken.statusReason()).contains("is not valid git config").doesNotContain("AbCdEfGhIjKlMnOp")
                .doesNotContain("\n");
        assertThat(broken.branch()).isNull();
        assertThat(repos.get(1).status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
    }

    @Test
    void multipleRootsAndRelativePaths() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        fx.repo("a", null);
        Files.createDirectories(other.resolve("b"));
        fx.git(other.resolve("b"), "init", "-q");
        List<RepoInfo> repos = fx.scanner(ScanOptions.defaults()).scan(List.of(fx.root, other), Progress.NONE);
        assertThat(repos).extracting(RepoInfo::root).containsExactlyInAnyOrder(fx.root, other);
        assertThat(paths(repos)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void overlappingRootsReportARepositoryOnce() throws IOException {
        fx.repo("team/a", null);
        List<RepoInfo> repos = fx.scanner(ScanOptions.defaults()).scan(List.of(fx.root, fx.root.resolve("team")),
                Progress.NONE);
        assertThat(repos).singleElement().extracting(RepoInfo::relativePath).isEqualTo("team/a");
    }

    @Test
    void progressIsReportedAndCancellationStopsTheWalk() throws IOException {
        for (int i = 0; i < 5; i++) {
            fx.repo("r" + i, null);
        }
        AtomicLong last = new AtomicLong(-1);
        Progress counting = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                last.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        assertThat(fx.scanner(ScanOptions.defaults()).scan(List.of(fx.root), counting)).hasSize(5);
        assertThat(last.get()).isEqualTo(5);

        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThat(fx.scanner(ScanOptions.defaults()).scan(List.of(fx.root), cancelled)).isEmpty();
    }

    @Test
    void summaryCounts() throws IOException {
        fx.repo("t1", "https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@h/g/p.git");
        fx.repo("n", null);
        Path broken = fx.repo("b", null);
        Files.writeString(broken.resolve(".git/config"), "[[[");
        ScanSummary summary = fx.scanner(ScanOptions.defaults()).scanAll(List.of(fx.root), Progress.NONE).summary();
        assertThat(summary.line()).isEqualTo("3 repos · 1 with tokens in URLs · 0 wired to deploy keys · 1 error");
        assertThat(summary.byStatus()).containsEntry(RepoStatus.NO_REMOTE, 1);
    }
}
