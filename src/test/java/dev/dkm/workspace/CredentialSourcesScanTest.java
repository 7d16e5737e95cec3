package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.TokenKind;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.AuthRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place git takes a token from besides a remote URL. For each one the real {@code git ls-remote} talks to a
 * local endpoint that records the credential it sent, and the scan must report that same token, in that file.
 */
class CredentialSourcesScanTest {
    // Test tokens: never printed (an assertion on them compares, it does not show them unless it fails).
    private static final String STORE = "glpat-T14storeTok0000aaaa";
    private static final String OTHER = "glpat-T14otherTok0000bbbb";
    private static final String HEADER = "glpat-T14headerTk0000cccc";
    private static final String DEPLOY = "gldt-T14deployTk0000dddd";

    @TempDir
    Path tmp;

    GitFixture fx;
    AuthRecorder server;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        server = new AuthRecorder();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Path repo(String name) throws IOException {
        return fx.repo(name, server.base() + "/group/" + name + ".git");
    }

    /** What git sends when it lists the remote's refs. */
    private List<String> sentBy(Path repo) {
        server.clear();
        fx.gitMayFail(repo, "ls-remote", "origin");
        return server.secrets();
    }

    private static FoundToken onlyToken(RepoInfo r) {
        assertThat(r.remotes()).hasSize(1);
        assertThat(r.remotes().get(0).tokens()).hasSize(1);
        return r.remotes().get(0).tokens().get(0);
    }

    @Test
    void credentialStoreInHomeIsFoundAsGitUsesIt() throws IOException {
        fx.addGlobal("[credential]\n\thelper = store\n");
        Path store = Files.writeString(fx.home.resolve(".git-credentials"),
                "https://someone:" + OTHER + "@elsewhere.example\n"
                        + "http://oauth2:" + STORE + "@" + server.hostPort() + "\n");
        Path dir = repo("a");
        assertThat(sentBy(dir)).containsExactly(STORE);

        RepoInfo r = fx.scanOne(dir);
        FoundToken t = onlyToken(r);
        assertThat(t.secret().reveal()).isEqualTo(STORE);
        assertThat(t.location()).isEqualTo("credential-store");
        assertThat(t.file()).isEqualTo(store);
        assertThat(t.origin()).isEqualTo("credential-store:" + store);
        assertThat(t.user()).isEqualTo("oauth2");
        assertThat(t.kind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(t.shared()).isTrue();
        assertThat(r.status()).isEqualTo(RepoStatus.TOKEN_IN_CREDENTIALS);
        assertThat(r.statusReason()).isEqualTo("origin authenticates with a personal access token (glpat-…aaaa) from the credential store " + store);
        assertThat(r.remotes().get(0).kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
    }

    @Test
    void xdgStoreAndExplicitFileAndUrlScopedHelper() throws IOException {
        Path xdgStore = fx.home.resolve(".config/git/credentials");
        Files.createDirectories(xdgStore.getParent());
        Files.writeString(xdgStore, "http://oauth2:" + STORE + "@" + server.hostPort() + "\n");
        fx.addGlobal("[credential]\n\thelper = store\n");
        Path a = repo("a");
        assertThat(sentBy(a)).containsExactly(STORE);
        assertThat(onlyToken(fx.scanOne(a)).file()).isEqualTo(xdgStore);

        // credential.<url>.helper with --file, set in the repository for this server only; the global store is reset
        Path custom = Files.writeString(tmp.resolve("custom-creds"), "http://gitlab+deploy-token-3:" + DEPLOY + "@" + server.hostPort() + "\n");
        Path b = repo("b");
        fx.git(b, "config", "credential.helper", "");
        fx.git(b, "config", "credential." + server.base() + ".helper", "store --file=" + custom);
        fx.git(b, "config", "credential.https://unrelated.example.helper", "store --file=" + tmp.resolve("nope"));
        assertThat(sentBy(b)).containsExactly(DEPLOY);
        FoundToken t = onlyToken(fx.scanOne(b));
        assertThat(t.secret().reveal()).isEqualTo(DEPLOY);
        assertThat(t.file()).isEqualTo(custom);
        assertThat(t.kind()).isEqualTo(TokenKind.DEPLOY);
        assertThat(t.user()).isEqualTo("gitlab+deploy-token-3");
    }

    @Test
    void useHttpPathPicksTheEntryForThePath() throws IOException {
        fx.addGlobal("[credential]\n\thelper = store\n\tuseHttpPath = true\n");
        Files.writeString(fx.home.resolve(".git-credentials"),
                "http://oauth2:" + OTHER + "@" + server.hostPort() + "/group/other.git\n"
                        + "http://oauth2:" + STORE + "@" + server.hostPort() + "/group/a.git\n");
        Path dir = repo("a");
        assertThat(sentBy(dir)).containsExactly(STORE);
        assertThat(onlyToken(fx.scanOne(dir)).secret().reveal()).isEqualTo(STORE);
    }

    @Test
    void storeEntryForAnotherUserIsNotUsed() throws IOException {
        fx.addGlobal("[credential]\n\thelper = store\n");
        Files.writeString(fx.home.resolve(".git-credentials"), "http://alice:" + OTHER + "@" + server.hostPort() + "\n");
        Path dir = fx.repo("a", "http://bob@" + server.hostPort() + "/group/a.git");
        assertThat(sentBy(dir)).doesNotContain(OTHER);
        RepoInfo r = fx.scanOne(dir);
        assertThat(r.remotes().get(0).tokens()).isEmpty();
        assertThat(r.status()).isEqualTo(RepoStatus.HTTPS_NO_TOKEN);
    }

    @Test
    void privateTokenHeaderInTheRepositoryConfig() throws IOException {
        Path dir = repo("a");
        fx.git(dir, "config", "http.extraHeader", "PRIVATE-TOKEN: " + HEADER);
        assertThat(sentBy(dir)).containsExactly(HEADER);
        RepoInfo r = fx.scanOne(dir);
        FoundToken t = onlyToken(r);
        assertThat(t.secret().reveal()).isEqualTo(HEADER);
        assertThat(t.location()).isEqualTo("extraHeader");
        assertThat(t.origin()).isEqualTo("config");
        assertThat(t.key()).isEqualTo("http.extraheader");
        assertThat(t.shared()).isFalse();
        assertThat(r.status()).isEqualTo(RepoStatus.TOKEN_IN_CREDENTIALS);
        assertThat(r.statusReason()).isEqualTo("origin authenticates with a personal access token (glpat-…cccc) in an http.extraHeader");
    }

    @Test
    void bearerHeaderPerUrlInTheGlobalConfigAndTheMostSpecificUrlWins() throws IOException {
        fx.addGlobal("[http \"" + server.base() + "/\"]\n\textraHeader = Authorization: Bearer " + OTHER + "\n"
                + "[http \"" + server.base() + "/group/a.git\"]\n\textraHeader = Authorization: Bearer " + HEADER + "\n"
                + "[http \"https://elsewhere.example/\"]\n\textraHeader = PRIVATE-TOKEN: " + STORE + "\n");
        // git reads the "/" entry first and the more specific one after it: both lists add up, and both are sent
        Path dir = repo("a");
        assertThat(sentBy(dir)).containsExactly(OTHER, HEADER);
        List<FoundToken> tokens = fx.scanOne(dir).remotes().get(0).tokens();
        assertThat(tokens).extracting(x -> x.secret().reveal()).containsExactly(OTHER, HEADER);
        FoundToken t = tokens.get(1);
        assertThat(t.origin()).isEqualTo("global:" + fx.globalConfig);
        assertThat(t.key()).isEqualTo("http." + server.base() + "/group/a.git.extraheader");
        assertThat(t.shared()).isTrue();

        Path other = repo("b");
        assertThat(sentBy(other)).containsExactly(OTHER);
        assertThat(onlyToken(fx.scanOne(other)).secret().reveal()).isEqualTo(OTHER);
    }

    /** Read in the other order, the less specific entry comes after the more specific one and git ignores it. */
    @Test
    void aLessSpecificHeaderAfterAMoreSpecificOneIsIgnored() throws IOException {
        fx.addGlobal("[http \"" + server.base() + "/group/a.git\"]\n\textraHeader = Authorization: Bearer " + HEADER + "\n"
                + "[http \"" + server.base() + "/\"]\n\textraHeader = Authorization: Bearer " + OTHER + "\n");
        Path dir = repo("a");
        assertThat(sentBy(dir)).containsExactly(HEADER);
        assertThat(onlyToken(fx.scanOne(dir)).secret().reveal()).isEqualTo(HEADER);
    }

    @Test
    void basicHeaderInAnIncludedFile() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("gitlab+deploy-token-9:" + DEPLOY).getBytes(StandardCharsets.UTF_8));
        Path inc = Files.writeString(tmp.resolve("auth.inc"), "[http]\n\textraHeader = Authorization: Basic " + basic + "\n");
        Path dir = repo("a");
        fx.git(dir, "config", "include.path", "../../../auth.inc"); // relative to .git/
        assertThat(sentBy(dir)).containsExactly(DEPLOY);
        FoundToken t = onlyToken(fx.scanOne(dir));
        assertThat(t.secret().reveal()).isEqualTo(DEPLOY);
        assertThat(t.user()).isEqualTo("gitlab+deploy-token-9");
        assertThat(t.kind()).isEqualTo(TokenKind.DEPLOY);
        assertThat(t.file()).isEqualTo(inc);
        assertThat(t.origin()).isEqualTo("include:" + inc);
    }

    @Test
    void conditionalIncludesGitdirOnbranchHasconfig() throws IOException {
        Path work = Files.createDirectories(fx.root.resolve("work"));
        Path a = fx.repo("work/a", server.base() + "/group/a.git");
        Path b = fx.repo("other/b", server.base() + "/group/b.git");
        Path c = fx.repo("other/c", server.base() + "/group/c.git");
        Path d = fx.repo("other/d", server.base() + "/special/d.git");
        Path e = fx.repo("other/e", server.base() + "/group/e.git");
        Path gitdirInc = Files.writeString(tmp.resolve("gitdir.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + HEADER + "\n");
        Path branchInc = Files.writeString(tmp.resolve("branch.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + OTHER + "\n");
        Path hasInc = Files.writeString(tmp.resolve("has.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + STORE + "\n");
        Path caseInc = Files.writeString(tmp.resolve("case.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + DEPLOY + "\n");
        fx.addGlobal("[includeIf \"gitdir:" + work + "/\"]\n\tpath = " + gitdirInc + "\n"
                + "[includeIf \"onbranch:release/**\"]\n\tpath = " + branchInc + "\n"
                + "[includeIf \"hasconfig:remote.*.url:" + server.base() + "/special/**\"]\n\tpath = " + hasInc + "\n"
                + "[includeIf \"gitdir/i:" + fx.root.toString().toUpperCase(java.util.Locale.ROOT) + "/OTHER/E/\"]\n\tpath = " + caseInc + "\n");
        fx.git(c, "symbolic-ref", "HEAD", "refs/heads/release/1.0");

        assertThat(sentBy(a)).containsExactly(HEADER);
        assertThat(sentBy(b)).isEmpty();
        assertThat(sentBy(c)).containsExactly(OTHER);
        assertThat(sentBy(d)).containsExactly(STORE);
        assertThat(sentBy(e)).containsExactly(DEPLOY);

        assertThat(onlyToken(fx.scanOne(a)).origin()).isEqualTo("include:" + gitdirInc);
        assertThat(fx.scanOne(b).remotes().get(0).tokens()).isEmpty();
        assertThat(onlyToken(fx.scanOne(c)).secret().reveal()).isEqualTo(OTHER);
        assertThat(onlyToken(fx.scanOne(d)).secret().reveal()).isEqualTo(STORE);
        assertThat(onlyToken(fx.scanOne(e)).secret().reveal()).isEqualTo(DEPLOY);
        assertThat(work).exists();
    }

    @Test
    void remoteUrlWithTokenInAnIncludedFile() throws IOException {
        Path inc = Files.writeString(tmp.resolve("remote.inc"),
                "[remote \"origin\"]\n\turl = http://oauth2:" + STORE + "@" + server.hostPort() + "/group/a.git\n");
        Path dir = fx.repo("a", null);
        fx.git(dir, "config", "include.path", inc.toString());
        assertThat(sentBy(dir)).containsExactly(STORE);
        RepoInfo r = fx.scanOne(dir);
        FoundToken t = onlyToken(r);
        assertThat(t.location()).isEqualTo("url");
        assertThat(t.origin()).isEqualTo("include:" + inc);
        assertThat(t.shared()).isTrue();
        assertThat(r.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(r.statusReason()).endsWith("in its URL (include:" + inc + ")");
    }

    @Test
    void worktreeConfigOfALinkedWorktree() throws IOException {
        Path main = fx.repoWithCommit("main", server.base() + "/group/main.git");
        fx.git(main, "config", "extensions.worktreeConfig", "true");
        Path wt = fx.root.resolve("linked");
        fx.git(main, "worktree", "add", "-q", wt.toString());
        fx.git(wt, "config", "--worktree", "http.extraHeader", "PRIVATE-TOKEN: " + HEADER);
        assertThat(sentBy(wt)).containsExactly(HEADER);
        assertThat(sentBy(main)).isEmpty();

        RepoInfo linked = fx.scanOne(wt);
        FoundToken t = onlyToken(linked);
        assertThat(t.secret().reveal()).isEqualTo(HEADER);
        assertThat(t.origin()).isEqualTo("config.worktree");
        assertThat(t.file()).isEqualTo(linked.gitDir().resolve("config.worktree"));
        assertThat(fx.scanOne(main).remotes().get(0).tokens()).isEmpty();
    }

    @Test
    void helpersKeepingSecretsElsewhereAreNamedNotAsked() throws IOException {
        fx.addGlobal("[credential]\n\thelper = libsecret\n\thelper = /usr/local/bin/git-credential-manager\n");
        Path dir = repo("a");
        RepoInfo r = fx.scanOne(dir);
        assertThat(r.remotes().get(0).otherHelpers()).containsExactly("git-credential-libsecret", "git-credential-manager");
        assertThat(r.status()).isEqualTo(RepoStatus.HTTPS_NO_TOKEN);
        assertThat(r.statusReason()).isEqualTo(
                "origin uses HTTPS without a token in its URL (credentials from git-credential-libsecret, git-credential-manager)");
    }

    @Test
    void malformedStoreLinesAreOneNoteEachAndNeverEchoed() throws IOException {
        fx.addGlobal("[credential]\n\thelper = store\n");
        Files.writeString(fx.home.resolve(".git-credentials"), "not a url " + OTHER + "\n"
                + "http://nopassword@" + server.hostPort() + "\n"
                + "http://oauth2:" + STORE + "@" + server.hostPort() + "\n");
        repo("a");
        repo("b");
        ScanResult result = fx.scanner(ScanOptions.defaults()).scanAll(List.of(fx.root), Progress.NONE);
        assertThat(result.repos()).allSatisfy(r -> assertThat(onlyToken(r).secret().reveal()).isEqualTo(STORE));
        assertThat(result.notes()).containsExactly(
                "credential store " + fx.home.resolve(".git-credentials") + " line 1 is not a URL with a user and a password; git skips it",
                "credential store " + fx.home.resolve(".git-credentials") + " line 2 is not a URL with a user and a password; git skips it");
        assertThat(String.join("\n", result.notes())).doesNotContain("T14");
    }

    /**
     * What JGit does by itself: FileBasedConfig follows include.path (so a token there is merged into the including
     * file's values, and its origin is lost), and ignores includeIf entirely. The scan therefore resolves both.
     */
    @Test
    void jgitFollowsIncludePathButNotIncludeIf() throws Exception {
        Path inc = Files.writeString(tmp.resolve("plain.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + HEADER + "\n");
        Path cond = Files.writeString(tmp.resolve("cond.inc"), "[http]\n\textraHeader = PRIVATE-TOKEN: " + OTHER + "\n");
        Path dir = repo("a");
        fx.git(dir, "config", "include.path", inc.toString());
        fx.git(dir, "config", "includeIf.gitdir:" + fx.root + "/.path", cond.toString());
        FileBasedConfig jgit = new FileBasedConfig(dir.resolve(".git/config").toFile(), FS.DETECTED);
        jgit.load();
        assertThat(jgit.getStringList("http", null, "extraHeader")).containsExactly("PRIVATE-TOKEN: " + HEADER);

        assertThat(sentBy(dir)).containsExactlyInAnyOrder(HEADER, OTHER);
        assertThat(fx.scanOne(dir).remotes().get(0).tokens()).extracting(t -> t.secret().reveal())
                .containsExactly(HEADER, OTHER);
    }
}
