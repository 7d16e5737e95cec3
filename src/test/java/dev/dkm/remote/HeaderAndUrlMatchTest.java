package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The pure parts behind the scan of http.extraHeader, credential stores and git's URL matching. */
class HeaderAndUrlMatchTest {
    private static final String TOKEN = "glpat-HdrUnitTestTok14xyzw";

    @Test
    void headerCredentialsAreRedactedWhateverTheirShape() {
        String basic = Base64.getEncoder().encodeToString(("gitlab+deploy-token-4:" + "OldStyleSecret0123456789").getBytes(StandardCharsets.UTF_8));
        assertThat(UrlRedactor.redact("http.extraheader: Authorization: Basic " + basic + " (global)"))
                .doesNotContain(basic.substring(0, 12)).endsWith(" (global)").contains("Basic …");
        assertThat(UrlRedactor.redact("Authorization: Bearer ya29AbCdEfGhIjKlMnOp1234")).isEqualTo("Authorization: Bearer …1234");
        assertThat(UrlRedactor.redact("PRIVATE-TOKEN: " + TOKEN)).isEqualTo("PRIVATE-TOKEN: glpat-…xyzw");
        assertThat(UrlRedactor.redact("PRIVATE-TOKEN: 20charOldTokenAbcdEfgh")).isEqualTo("PRIVATE-TOKEN: …Efgh");
        assertThat(UrlRedactor.redact("X-Trace: keep-me")).isEqualTo("X-Trace: keep-me");
    }

    @Test
    void authHeadersAreRead() {
        String basic = Base64.getEncoder().encodeToString(("oauth2:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(AuthHeader.parse("Authorization: Basic " + basic)).hasValueSatisfying(h -> {
            assertThat(h.user()).isEqualTo("oauth2");
            assertThat(h.secret().reveal()).isEqualTo(TOKEN);
            assertThat(h.kind()).isEqualTo(TokenKind.PERSONAL);
        });
        assertThat(AuthHeader.parse("private-token:   " + TOKEN)).hasValueSatisfying(h -> assertThat(h.secret().reveal()).isEqualTo(TOKEN));
        assertThat(AuthHeader.parse("Authorization: Bearer " + TOKEN)).hasValueSatisfying(h -> assertThat(h.user()).isNull());
        assertThat(AuthHeader.parse("X-Trace: 1")).isEmpty();
        assertThat(AuthHeader.parse("Authorization: Negotiate abc")).isEmpty();
        assertThat(AuthHeader.parse("garbage")).isEmpty();
    }

    @Test
    void storeLinesAreReadAsGitCredentialStoreDoes() {
        assertThat(StoredCredential.parse("https://oauth2:" + TOKEN + "@GitLab.Example:8443/group/p.git")).hasValueSatisfying(c -> {
            assertThat(c.host()).isEqualTo("gitlab.example:8443");
            assertThat(c.path()).isEqualTo("group/p.git");
            assertThat(c.redacted()).isEqualTo("https://oauth2:glpat-…xyzw@gitlab.example:8443/group/p.git");
            assertThat(c.answers("https", "gitlab.example:8443", null, null)).isTrue();
            assertThat(c.answers("https", "gitlab.example:8443", "group/p.git", "oauth2")).isTrue();
            assertThat(c.answers("https", "gitlab.example:8443", "group/other.git", null)).isFalse();
            assertThat(c.answers("https", "gitlab.example:8443", null, "alice")).isFalse();
            assertThat(c.answers("http", "gitlab.example:8443", null, null)).isFalse();
        });
        assertThat(StoredCredential.parse("https://user%40corp:p%3Ass@h")).hasValueSatisfying(c -> {
            assertThat(c.user()).isEqualTo("user@corp");
            assertThat(c.secret().reveal()).isEqualTo("p:ss");
        });
        assertThat(StoredCredential.parse("https://nopassword@h")).isEmpty();
        assertThat(StoredCredential.parse("not a url")).isEmpty();
    }

    @Test
    void urlMatchingFollowsGitConfigRules() {
        String url = "https://alice@gitlab.example.com/group/sub/p.git";
        assertThat(UrlMatch.match("https://gitlab.example.com", url)).isPresent();
        assertThat(UrlMatch.match("https://*.example.com/", url)).isPresent();
        assertThat(UrlMatch.match("https://*.com/", url)).isEmpty(); // a * is one name component
        assertThat(UrlMatch.match("https://gitlab.example.com/group", url)).isPresent();
        assertThat(UrlMatch.match("https://gitlab.example.com/gr", url)).isEmpty(); // path prefix ends at a /
        assertThat(UrlMatch.match("http://gitlab.example.com/", url)).isEmpty();
        assertThat(UrlMatch.match("https://gitlab.example.com:443/", url)).isPresent();
        assertThat(UrlMatch.match("https://gitlab.example.com:8443/", url)).isEmpty();
        assertThat(UrlMatch.match("https://bob@gitlab.example.com/", url)).isEmpty();
        assertThat(UrlMatch.match("gitlab.example.com", url)).isPresent(); // credential.<host>.*
        UrlMatch.Score hostOnly = UrlMatch.match("https://gitlab.example.com/", url).orElseThrow();
        UrlMatch.Score path = UrlMatch.match("https://gitlab.example.com/group/sub", url).orElseThrow();
        UrlMatch.Score user = UrlMatch.match("https://alice@gitlab.example.com/", url).orElseThrow();
        assertThat(path).isGreaterThan(hostOnly);
        assertThat(user).isGreaterThan(hostOnly).isLessThan(path);
        assertThat(hostOnly).isGreaterThan(UrlMatch.Score.NONE_KEY);
    }
}
