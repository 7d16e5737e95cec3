package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.TokenKind;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Remotes, tokens and insteadOf rules as the scanner reads them from real repositories. */
class RemoteScanTest {
    private static final String PAT = "glpat-AbCdEfGhIjKlMnOpx7Qa";

    @TempDir
    Path tmp;

    GitFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
    }

    @Test
    void personalTokenInUrl() throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("a", "https://oauth2:" + PAT + "@gitlab.com/group/sub/a.git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(repo.statusReason()).isEqualTo("origin carries a personal access token (glpat-…x7Qa) in its URL");
        RemoteInfo origin = repo.remotes().get(0);
        assertThat(origin.url()).isEqualTo("https://oauth2:glpat-…x7Qa@gitlab.com/group/sub/a.git");
        assertThat(origin.effectiveUrl()).isEqualTo(origin.url());
        assertThat(origin.effectivePushUrls()).containsExactly(origin.url());
        assertThat(origin.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(origin.tokenKind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(origin.host()).isEqualTo("gitlab.com");
        assertThat(origin.projectPath()).isEqualTo("group/sub/a");
        assertThat(origin.tokens()).singleElement().satisfies(t -> {
            assertThat(t.location()).isEqualTo("url");
            assertThat(t.user()).isEqualTo("oauth2");
            assertThat(t.secret().reveal()).isEqualTo(PAT);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://gitlab+deploy-token-12:gldt-AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, DEPLOY, a deploy token",
        "https://gitlab+deploy-token-12:AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, DEPLOY, a deploy token",
        "https://gitlab-ci-token:glcbt-64_AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, JOB, a CI job token",
        "https://oauth2:ya29.AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, OAUTH, an OAuth token",
        "https://glpat-AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, PERSONAL, a personal access token",
        "https://bob:AbCdEfGhIjKlMnOpx7Qa@h/g/p.git, UNKNOWN, a password or token",
    })
    void everyTokenKind(String url, TokenKind kind, String words) throws IOException {
        RepoInfo repo = fx.scanOne(fx.repo("r", url));
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(repo.remotes().get(0).tokenKind()).isEqualTo(kind);
        assertThat(repo.statusReason()).contains(words).doesNotContain("AbCdEfGhIjKlMnOp");
    }

    @Test
    void tokenOnlyInPushUrl() throws IOException {
        Path dir = fx.repo("p", "https://gitlab.com/g/p.git");
        fx.git(dir, "remote", "set-url", "--push", "origin", "https://oauth2:" + PAT + "@gitlab.com/g/p.git");
        RepoInfo repo = fx.scanOne(dir);
        RemoteInfo origin = repo.remotes().get(0);
        assertThat(origin.url()).isEqualTo("https://gitlab.com/g/p.git");
        assertThat(origin.pushUrls()).containsExactly("https://oauth2:glpat-…x7Qa@gitlab.com/g/p.git");
        assertThat(origin.effectivePushUrls()).containsExactly("https://oauth2:glpat-…x7Qa@gitlab.com/g/p.git");
        assertThat(origin.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(origin.tokenKind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(origin.tokens()).extracting(FoundToken::location).containsExactly("pushurl");
        assertThat(repo.statusReason()).contains("in its push URL");
    }

    @Test
    void tokenOnlyInAnInsteadOfRule() throws IOException {
        Path dir = fx.repo("i", "https://gitlab.com/g/p.git");
        fx.git(dir, "config", "url.https://oauth2:" + PAT + "@gitlab.com/.insteadOf", "https://gitlab.com/");
        RepoInfo repo = fx.scanOne(dir);
        RemoteInfo origin = repo.remotes().get(0);
        assertThat(origin.url()).isEqualTo("https://gitlab.com/g/p.git");
        assertThat(origin.effectiveUrl()).isEqualTo("https://oauth2:glpat-…x7Qa@gitlab.com/g/p.git");
        assertThat(origin.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(origin.tokens()).extracting(FoundToken::location).containsExactly("insteadOf");
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(repo.statusReason()).contains("in an insteadOf rule");
    }

    @Test
    void globalInsteadOfTurnsHttpsIntoSsh() throws IOException {
        fx.addGlobal("[url \"git@gitlab.com:\"]\n\tinsteadOf = https://gitlab.com/\n");
        RepoInfo repo = fx.scanOne(fx.repo("g", "https://gitlab.com/g/p.git"));
        RemoteInfo origin = repo.remotes().get(0);
        assertThat(origin.url()).isEqualTo("https://gitlab.com/g/p.git");
        assertThat(origin.effectiveUrl()).isEqualTo("git@gitlab.com:g/p.git");
        assertThat(origin.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(origin.scheme()).isEqualTo("ssh");
        assertThat(origin.projectPath()).isEqualTo("g/p");
        assertThat(repo.status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
    }

    @Test
    void globalInsteadOfCarryingAToken() throws IOException {
        fx.addGlobal("[url \"https://oauth2:" + PAT + "@gitlab.com/\"]\n\tinsteadOf = https://gitlab.com/\n");
        RepoInfo repo = fx.scanOne(fx.repo("g", "https://gitlab.com/g/p.git"));
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
        assertThat(repo.remotes().get(0).tokens()).extracting(FoundToken::location).containsExactly("insteadOf");
    }

    @Test
    void repoRuleWithALongerPrefixBeatsTheGlobalOne() throws IOException {
        fx.addGlobal("[url \"git@gitlab.com:\"]\n\tinsteadOf = https://gitlab.com/\n");
        Path dir = fx.repo("g", "https://gitlab.com/team/p.git");
        fx.git(dir, "config", "url.ssh://git@gitlab.com:2222/team/.insteadOf", "https://gitlab.com/team/");
        RemoteInfo origin = fx.scanOne(dir).remotes().get(0);
        assertThat(origin.effectiveUrl()).isEqualTo("ssh://git@gitlab.com:2222/team/p.git");
        assertThat(origin.port()).isEqualTo(2222);
    }

    @Test
    void pushInsteadOfChangesOnlyThePushUrl() throws IOException {
        Path dir = fx.repo("pi", "https://gitlab.com/g/p.git");
        fx.git(dir, "config", "url.git@gitlab.com:.pushInsteadOf", "https://gitlab.com/");
        RemoteInfo origin = fx.scanOne(dir).remotes().get(0);
        assertThat(origin.effectiveUrl()).isEqualTo("https://gitlab.com/g/p.git");
        assertThat(origin.effectivePushUrls()).containsExactly("git@gitlab.com:g/p.git");
    }

    /** Our rewriting agrees with git's own for a mix of global and repo rules, with and without pushurl. */
    @Test
    void effectiveUrlsAgreeWithGit() throws IOException {
        fx.addGlobal("[url \"git@gitlab.com:\"]\n\tinsteadOf = https://gitlab.com/\n"
                + "[url \"ssh://git@mirror:2222/\"]\n\tpushInsteadOf = https://mirror/\n\tinsteadOf = https://gitlab.com/\n");
        Path dir = fx.repo("x", "https://gitlab.com/g/p.git");
        fx.git(dir, "remote", "add", "mirror", "https://mirror/g/p.git");
        fx.git(dir, "remote", "add", "both", "https://mirror/g/q.git");
        fx.git(dir, "remote", "set-url", "--push", "both", "https://gitlab.com/g/q.git");
        fx.git(dir, "remote", "set-url", "--push", "--add", "both", "https://other/g/q.git");
        fx.git(dir, "config", "url.https://gitlab.com/long/.insteadOf", "https://gitlab.com/g/");
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.remotes()).hasSize(3);
        for (RemoteInfo r : repo.remotes()) {
            assertThat(r.effectiveUrl()).as(r.name()).isEqualTo(fx.git(dir, "remote", "get-url", r.name()));
            assertThat(String.join("\n", r.effectivePushUrls())).as(r.name() + " push")
                    .isEqualTo(fx.git(dir, "remote", "get-url", "--push", "--all", r.name()));
        }
    }

    @Test
    void ipv6PortAndPercentEncodedUrls() throws IOException {
        Path dir = fx.repo("v6", "ssh://git@[::1]:2222/gr%C3%BCppe/p.git");
        fx.git(dir, "remote", "add", "web", "https://[::1]:8443/g/p.git/");
        RepoInfo repo = fx.scanOne(dir);
        RemoteInfo origin = repo.remotes().stream().filter(r -> r.name().equals("origin")).findFirst().orElseThrow();
        assertThat(origin.host()).isEqualTo("::1");
        assertThat(origin.port()).isEqualTo(2222);
        assertThat(origin.projectPath()).isEqualTo("grüppe/p");
        RemoteInfo web = repo.remotes().stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.kind()).isEqualTo(RemoteKind.HTTPS);
        assertThat(web.port()).isEqualTo(8443);
        assertThat(web.projectPath()).isEqualTo("g/p");
    }

    @Test
    void unicodeRepoPathsAndProjects() throws IOException {
        Path dir = fx.repo("projé/日本 repo", "git@gitlab.com:日本/プロジェクト.git");
        RepoInfo repo = fx.scanOne(dir);
        assertThat(repo.relativePath()).isEqualTo("projé/日本 repo");
        assertThat(repo.remotes().get(0).projectPath()).isEqualTo("日本/プロジェクト");
    }

    @Test
    void garbageUrlIsOtherAndDoesNotStopTheScan() throws IOException {
        fx.repo("bad", "https://host:notaport/g/p");
        fx.repo("good", "git@h:g/p.git");
        var repos = fx.scan();
        assertThat(repos).hasSize(2);
        RepoInfo bad = repos.get(0);
        assertThat(bad.remotes().get(0).kind()).isEqualTo(RemoteKind.OTHER);
        assertThat(bad.status()).isEqualTo(RepoStatus.LOCAL_REMOTE);
        assertThat(repos.get(1).status()).isEqualTo(RepoStatus.SSH_DEFAULT_KEY);
    }

    @Test
    void tokenInAUrlThatARuleRewritesAwayIsStillReported() throws IOException {
        Path dir = fx.repo("old", "https://oauth2:" + PAT + "@gitlab.com/g/p.git");
        fx.git(dir, "config", "url.git@gitlab.com:.insteadOf", "https://oauth2:" + PAT + "@gitlab.com/");
        RepoInfo repo = fx.scanOne(dir);
        RemoteInfo origin = repo.remotes().get(0);
        assertThat(origin.effectiveUrl()).isEqualTo("git@gitlab.com:g/p.git");
        assertThat(origin.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(origin.tokens()).extracting(FoundToken::location).containsExactly("url");
        assertThat(origin.tokenKind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(repo.status()).isEqualTo(RepoStatus.TOKEN_IN_URL);
    }
}
