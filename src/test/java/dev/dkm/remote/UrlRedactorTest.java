package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactorTest {
    @Test
    void redactsPasswordsAndBareTokensInFreeText() {
        String text = "fatal: could not read https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@h/g/p.git; "
                + "also glcbt-64_ZyXwVuTsRqPoNmLkJiHg and https://bob:supersecretpassword1@h/";
        String redacted = UrlRedactor.redact(text);
        assertThat(redacted)
                .doesNotContain("AbCdEfGhIjKlMnOp")
                .doesNotContain("ZyXwVuTsRqPoNmLk")
                .doesNotContain("supersecretpassword1")
                .contains("https://oauth2:glpat-…x7Qa@h/g/p.git")
                .contains("https://bob:…ord1@h/");
    }

    @Test
    void leavesUrlsWithoutSecretsAlone() {
        assertThat(UrlRedactor.redact("git@h:g/p.git")).isEqualTo("git@h:g/p.git");
        assertThat(UrlRedactor.redact("ssh://git@h:22/g/p.git")).isEqualTo("ssh://git@h:22/g/p.git");
        assertThat(UrlRedactor.redact("https://gitlab+deploy-token-1@h/g")).isEqualTo("https://gitlab+deploy-token-1@h/g");
    }

    @Test
    void shortSecretsShowNoTail() {
        assertThat(UrlRedactor.redact("https://u:short@h/")).isEqualTo("https://u:…@h/");
    }

    @Test
    void redactionIsIdempotent() {
        String once = UrlRedactor.redact("https://oauth2:glpat-AbCdEfGhIjKlMnOpx7Qa@h/g and glpat-ZyXwVuTsRqPoNmLkJiHg");
        assertThat(UrlRedactor.redact(once)).isEqualTo(once).isEqualTo("https://oauth2:glpat-…x7Qa@h/g and glpat-…JiHg");
    }

    @Test
    void tokenInAPathOrQueryIsRedactedToo() {
        assertThat(UrlRedactor.redact("https://h/g/p.git?private_token=glpat-AbCdEfGhIjKlMnOpx7Qa"))
                .isEqualTo("https://h/g/p.git?private_token=glpat-…x7Qa");
    }

    @Test
    void wordsThatMerelyStartLikeAPrefixAreLeftAlone() {
        assertThat(UrlRedactor.redact("gitlab.com glad-to-help xglpat-abc")).isEqualTo("gitlab.com glad-to-help xglpat-abc");
    }
}
