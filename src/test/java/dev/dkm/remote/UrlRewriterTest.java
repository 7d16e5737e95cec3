package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.remote.UrlRewriter.Rewrite;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlRewriterTest {
    private static final InsteadOfRule SHORT = new InsteadOfRule("ssh://git@h/", "https://h/", false);
    private static final InsteadOfRule LONG = new InsteadOfRule("git@h:team/", "https://h/team/", false);
    private static final InsteadOfRule PUSH = new InsteadOfRule("git@h:", "https://h/", true);

    @Test
    void longestPrefixWins() {
        UrlRewriter r = new UrlRewriter(List.of(SHORT, LONG));
        assertThat(r.forFetch("https://h/team/p.git").url()).isEqualTo("git@h:team/p.git");
        assertThat(r.forFetch("https://h/other/p.git").url()).isEqualTo("ssh://git@h/other/p.git");
        assertThat(r.forFetch("https://elsewhere/p.git").rewritten()).isFalse();
    }

    @Test
    void onATieTheFirstRuleWins() {
        InsteadOfRule other = new InsteadOfRule("https://mirror/", "https://h/", false);
        assertThat(new UrlRewriter(List.of(SHORT, other)).forFetch("https://h/p").url()).isEqualTo("ssh://git@h/p");
        assertThat(new UrlRewriter(List.of(other, SHORT)).forFetch("https://h/p").url()).isEqualTo("https://mirror/p");
    }

    @Test
    void pushInsteadOfRewritesOnlyPushAndNotFetch() {
        UrlRewriter r = new UrlRewriter(List.of(PUSH));
        assertThat(r.forFetch("https://h/g/p.git").rewritten()).isFalse();
        assertThat(r.forPush("https://h/g/p.git", List.of())).extracting(Rewrite::url).containsExactly("git@h:g/p.git");
    }

    @Test
    void pushInsteadOfIsIgnoredWhenThereIsAPushUrl() {
        UrlRewriter r = new UrlRewriter(List.of(PUSH));
        assertThat(r.forPush("https://h/g/p.git", List.of("https://h/g/p2.git")))
                .extracting(Rewrite::url).containsExactly("https://h/g/p2.git");
    }

    @Test
    void insteadOfAppliesToPushUrls() {
        UrlRewriter r = new UrlRewriter(List.of(SHORT, PUSH));
        assertThat(r.forPush("https://h/g/p.git", List.of("https://h/a.git", "https://h/b.git")))
                .extracting(Rewrite::url).containsExactly("ssh://git@h/a.git", "ssh://git@h/b.git");
    }

    @Test
    void withoutPushInsteadOfThePushUrlIsTheRewrittenFetchUrl() {
        UrlRewriter r = new UrlRewriter(List.of(SHORT));
        assertThat(r.forPush("https://h/g/p.git", List.of())).extracting(Rewrite::url).containsExactly("ssh://git@h/g/p.git");
    }

    @Test
    void aPushInsteadOfResultIsNotRewrittenAgainByInsteadOf() {
        InsteadOfRule pushToMirror = new InsteadOfRule("https://h/", "https://mirror/", true);
        UrlRewriter r = new UrlRewriter(List.of(SHORT, pushToMirror));
        assertThat(r.forPush("https://mirror/p.git", List.of())).extracting(Rewrite::url).containsExactly("https://h/p.git");
    }

    @Test
    void ruleToStringIsRedacted() {
        InsteadOfRule withToken = new InsteadOfRule("https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@h/", "https://h/", false);
        assertThat(withToken.toString()).doesNotContain("AbCdEfGhIjKlMnOp").contains("glpat-…x7Qa");
    }
}
