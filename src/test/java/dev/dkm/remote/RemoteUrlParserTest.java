package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteUrlParserTest {
    private static final String PAT = "glpat-AbCdEfGhIjKlMnOpx7Qa";

    @Test
    void scpLikeSsh() {
        RemoteUrl u = RemoteUrlParser.parse("git@gitlab.example.com:group/sub/repo.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.scheme()).isEqualTo("ssh");
        assertThat(u.user()).isEqualTo("git");
        assertThat(u.host()).isEqualTo("gitlab.example.com");
        assertThat(u.port()).isNull();
        assertThat(u.path()).isEqualTo("group/sub/repo.git");
        assertThat(u.projectPath()).isEqualTo("group/sub/repo");
        assertThat(u.tokenKind()).isEqualTo(TokenKind.NONE);
        assertThat(u.problem()).isNull();
    }

    @Test
    void scpLikeWithoutUser() {
        RemoteUrl u = RemoteUrlParser.parse("gitlab.com:g/p");
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.user()).isNull();
        assertThat(u.host()).isEqualTo("gitlab.com");
        assertThat(u.projectPath()).isEqualTo("g/p");
    }

    @Test
    void sshUrlWithPort() {
        RemoteUrl u = RemoteUrlParser.parse("ssh://deploy@gitlab.example.com:2222/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.user()).isEqualTo("deploy");
        assertThat(u.host()).isEqualTo("gitlab.example.com");
        assertThat(u.port()).isEqualTo(2222);
        assertThat(u.path()).isEqualTo("/g/p.git");
        assertThat(u.projectPath()).isEqualTo("g/p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git+ssh://git@h/g/p.git", "ssh+git://git@h/g/p.git", "SSH://git@H/g/p.git"})
    void sshSchemeAliases(String url) {
        RemoteUrl u = RemoteUrlParser.parse(url);
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.scheme()).isEqualTo("ssh");
        assertThat(u.host()).isEqualTo("h");
        assertThat(u.projectPath()).isEqualTo("g/p");
    }

    @Test
    void ipv6SshWithPort() {
        RemoteUrl u = RemoteUrlParser.parse("ssh://git@[::1]:2222/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.host()).isEqualTo("::1");
        assertThat(u.port()).isEqualTo(2222);
        assertThat(u.projectPath()).isEqualTo("g/p");
    }

    @Test
    void ipv6Https() {
        RemoteUrl u = RemoteUrlParser.parse("https://[::1]:8443/group/proj.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS);
        assertThat(u.host()).isEqualTo("::1");
        assertThat(u.port()).isEqualTo(8443);
        assertThat(u.projectPath()).isEqualTo("group/proj");
    }

    @Test
    void ipv6ScpLike() {
        RemoteUrl u = RemoteUrlParser.parse("git@[fe80::1]:g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.SSH);
        assertThat(u.host()).isEqualTo("fe80::1");
        assertThat(u.projectPath()).isEqualTo("g/p");
    }

    @Test
    void httpsWithoutCredentials() {
        RemoteUrl u = RemoteUrlParser.parse("https://gitlab.com/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS);
        assertThat(u.scheme()).isEqualTo("https");
        assertThat(u.secret()).isNull();
        assertThat(u.tokenKind()).isEqualTo(TokenKind.NONE);
        assertThat(u.redacted()).isEqualTo("https://gitlab.com/g/p.git");
    }

    @Test
    void httpWithUserOnlyIsNoToken() {
        RemoteUrl u = RemoteUrlParser.parse("http://alice@gitlab.local:8080/g/p");
        assertThat(u.scheme()).isEqualTo("http");
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS);
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.port()).isEqualTo(8080);
        assertThat(u.hasSecret()).isFalse();
    }

    @Test
    void httpsWithPersonalTokenIsRedacted() {
        RemoteUrl u = RemoteUrlParser.parse("https://oauth2:" + PAT + "@gitlab.com/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(u.user()).isEqualTo("oauth2");
        assertThat(u.secret().reveal()).isEqualTo(PAT);
        assertThat(u.tokenKind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(u.redacted()).isEqualTo("https://oauth2:glpat-…x7Qa@gitlab.com/g/p.git");
        assertThat(u.toString()).doesNotContain(PAT);
    }

    @Test
    void tokenAloneInUserPart() {
        RemoteUrl u = RemoteUrlParser.parse("https://" + PAT + "@gitlab.com/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(u.user()).isNull();
        assertThat(u.secret().reveal()).isEqualTo(PAT);
        assertThat(u.tokenKind()).isEqualTo(TokenKind.PERSONAL);
        assertThat(u.redacted()).isEqualTo("https://glpat-…x7Qa@gitlab.com/g/p.git");
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource({
        "oauth2, glpat-AbCdEfGhIjKlMnOpx7Qa, PERSONAL",
        "anything, glpat-AbCdEfGhIjKlMnOpx7Qa, PERSONAL",
        "gitlab+deploy-token-42, gldt-AbCdEfGhIjKlMnOpx7Qa, DEPLOY",
        "gitlab+deploy-token-42, AbCdEfGhIjKlMnOpx7Qa, DEPLOY",
        "my-deploy-user, gldt-AbCdEfGhIjKlMnOpx7Qa, DEPLOY",
        "gitlab-ci-token, glcbt-64_AbCdEfGhIjKlMnOpx7Qa, JOB",
        "gitlab-ci-token, AbCdEfGhIjKlMnOpx7Qa, JOB",
        "oauth2, ya29AbCdEfGhIjKlMnOpx7Qa, OAUTH",
        "oauth2, gloas-AbCdEfGhIjKlMnOpx7Qa, OAUTH",
        "bob, hunter2hunter2hunter2, UNKNOWN",
        "runner, glrt-AbCdEfGhIjKlMnOpx7Qa, UNKNOWN",
        "trigger, glptt-AbCdEfGhIjKlMnOpx7Qa, UNKNOWN",
    })
    void tokenKinds(String user, String secret, TokenKind expected) {
        RemoteUrl u = RemoteUrlParser.parse("https://" + user + ":" + secret + "@gitlab.com/g/p.git");
        assertThat(u.tokenKind()).isEqualTo(expected);
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS_TOKEN);
        assertThat(u.redacted()).doesNotContain(secret);
    }

    @Test
    void percentEncodedUserAndPasswordAreDecoded() {
        RemoteUrl u = RemoteUrlParser.parse("https://gitlab%2Bdeploy-token-7:p%40ss%3Aword%2Fx12345678@h/g/p.git");
        assertThat(u.user()).isEqualTo("gitlab+deploy-token-7");
        assertThat(u.secret().reveal()).isEqualTo("p@ss:word/x12345678");
        assertThat(u.tokenKind()).isEqualTo(TokenKind.DEPLOY);
        assertThat(u.redacted()).doesNotContain("p%40ss").doesNotContain("p@ss");
    }

    @Test
    void plusInUserIsNotASpace() {
        RemoteUrl u = RemoteUrlParser.parse("https://gitlab+deploy-token-3:tok3nTok3nTok3nTok3n@h/g/p.git");
        assertThat(u.user()).isEqualTo("gitlab+deploy-token-3");
        assertThat(u.tokenKind()).isEqualTo(TokenKind.DEPLOY);
    }

    @Test
    void percentEncodedAndUnicodePathsDecodeIntoProjectPath() {
        assertThat(RemoteUrlParser.parse("https://h/gr%C3%BCppe/my%20proj.git").projectPath()).isEqualTo("grüppe/my proj");
        assertThat(RemoteUrlParser.parse("https://h/gr%C3%BCppe/x.git").path()).isEqualTo("/gr%C3%BCppe/x.git");
        assertThat(RemoteUrlParser.parse("git@h:日本/プロジェクト.git").projectPath()).isEqualTo("日本/プロジェクト");
        assertThat(RemoteUrlParser.parse("https://h/g/p%zz.git").projectPath()).isEqualTo("g/p%zz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h/g/p.git/", "https://h/g/p/", "https://h//g/p.git", "git@h:/g/p.git/",
        "ssh://git@h/g/p.git//"})
    void trailingSlashesAndGitSuffix(String url) {
        assertThat(RemoteUrlParser.parse(url).projectPath()).isEqualTo("g/p");
    }

    @Test
    void gitProtocolIsOther() {
        RemoteUrl u = RemoteUrlParser.parse("git://gitlab.com/g/p.git");
        assertThat(u.kind()).isEqualTo(RemoteKind.OTHER);
        assertThat(u.scheme()).isEqualTo("git");
        assertThat(u.host()).isEqualTo("gitlab.com");
        assertThat(u.projectPath()).isEqualTo("g/p");
        assertThat(u.problem()).contains("git://");
    }

    @ParameterizedTest
    @CsvSource({"file:///srv/git/p.git, /srv/git/p.git", "file:///srv/a%20b.git, /srv/a b.git",
        "/srv/git/p.git, /srv/git/p.git", "../p.git, ../p.git", "./p, ./p", "C:/repos/p, C:/repos/p",
        "dir/with:colon, dir/with:colon"})
    void localPaths(String url, String path) {
        RemoteUrl u = RemoteUrlParser.parse(url);
        assertThat(u.kind()).isEqualTo(RemoteKind.FILE);
        assertThat(u.scheme()).isEqualTo("file");
        assertThat(u.host()).isNull();
        assertThat(u.path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "https://", "https:///g/p", "https://h:abc/g/p", "https://h:99999/g",
        "https://[::1/g/p", "https://[zz]/g", "https://ho st/g", "ftp://h/g/p.git", "gcrypt::rsync://h/x",
        "git@:g/p", "https://h\n/g", "ssh://git@[::1]x/g"})
    void garbageIsOtherWithAReason(String url) {
        RemoteUrl u = RemoteUrlParser.parse(url);
        assertThat(u.kind()).isEqualTo(RemoteKind.OTHER);
        assertThat(u.problem()).isNotBlank();
    }

    @Test
    void nullIsOther() {
        assertThat(RemoteUrlParser.parse(null).kind()).isEqualTo(RemoteKind.OTHER);
    }

    @Test
    void garbageWithSecretIsStillRedacted() {
        RemoteUrl u = RemoteUrlParser.parse("ftp://me:" + PAT + "@h/x");
        assertThat(u.kind()).isEqualTo(RemoteKind.OTHER);
        assertThat(u.redacted()).doesNotContain(PAT).contains("glpat-…x7Qa");
    }

    @Test
    void emptyPasswordIsNoSecret() {
        RemoteUrl u = RemoteUrlParser.parse("https://oauth2:@h/g/p.git");
        assertThat(u.hasSecret()).isFalse();
        assertThat(u.kind()).isEqualTo(RemoteKind.HTTPS);
    }

    @Test
    void passwordContainingAtSign() {
        RemoteUrl u = RemoteUrlParser.parse("https://bob:pa@ss-word-long-enough@h/g/p.git");
        assertThat(u.host()).isEqualTo("h");
        assertThat(u.secret().reveal()).isEqualTo("pa@ss-word-long-enough");
        assertThat(u.redacted()).isEqualTo("https://bob:…ough@h/g/p.git");
    }
}
