package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeUrlTest {
    @Test
    void a_password_in_the_user_info_is_redacted() {
        assertThat(SafeUrl.display("https://oauth2:glpat-abcdefghijklmnopqrstuvwx@gitlab.example.com/g/web.git"))
                .isEqualTo("https://oauth2:glpat-…uvwx@gitlab.example.com/g/web.git");
    }

    @Test
    void a_token_used_as_the_user_name_is_redacted() {
        assertThat(SafeUrl.display("https://glpat-abcdefghijklmnopqrstuvwx@gitlab.example.com/g/web.git"))
                .isEqualTo("https://glpat-…uvwx@gitlab.example.com/g/web.git");
    }

    @Test
    void already_redacted_and_harmless_urls_pass_unchanged() {
        for (String url : new String[] {
                "https://oauth2:glpat-…uvwx@gitlab.example.com/g/web.git",
                "ssh://git@gitlab.example.com:2222/g/app.git",
                "git@gitlab.example.com:g/app.git",
                "https://gitlab.example.com/g/plain.git",
                "file:///srv/git/mirror.git"}) {
            assertThat(SafeUrl.display(url)).isEqualTo(url);
        }
        assertThat(SafeUrl.display(null)).isEmpty();
    }
}
