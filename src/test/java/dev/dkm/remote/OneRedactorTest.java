package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, "one redactor": the window's former SafeUrl (first URL only, user info cut at the first '@', no bare
 * tokens) is gone; the window shows URLs through {@link UrlRedactor#display}, which does what it did and more.
 */
class OneRedactorTest {
    @Test
    void what_the_window_showed_safely_it_still_shows_the_same_way() {
        assertThat(UrlRedactor.display("https://oauth2:glpat-abcdefghijklmnopqrstuvwx@gitlab.example.com/g/web.git"))
                .isEqualTo("https://oauth2:glpat-…uvwx@gitlab.example.com/g/web.git");
        assertThat(UrlRedactor.display("https://glpat-abcdefghijklmnopqrstuvwx@gitlab.example.com/g/web.git"))
                .isEqualTo("https://glpat-…uvwx@gitlab.example.com/g/web.git");
        for (String url : new String[] {
                "https://oauth2:glpat-…uvwx@gitlab.example.com/g/web.git",
                "ssh://git@gitlab.example.com:2222/g/app.git",
                "git@gitlab.example.com:g/app.git",
                "https://gitlab.example.com/g/plain.git",
                "file:///srv/git/mirror.git"}) {
            assertThat(UrlRedactor.display(url)).isEqualTo(url);
        }
        assertThat(UrlRedactor.display(null)).isEmpty();
    }

    @Test
    void what_safe_url_leaked_the_one_redactor_does_not() {
        // a password with '@' in it: git reads the user info up to the last '@'; SafeUrl cut at the first and showed the rest
        assertThat(UrlRedactor.display("https://oauth2:pa@ss-very-secret-1234@gitlab.example.com/g/web.git"))
                .doesNotContain("very-secret").endsWith("@gitlab.example.com/g/web.git");
        // a pushurl after the url in one line, and a bare token in a message: SafeUrl looked at the first URL only
        assertThat(UrlRedactor.display("https://h/g/p.git (push: https://u:hunter2hunter2@h/g/p.git) glpat-abcdefghijklmnopqrst"))
                .doesNotContain("hunter2hunter2").doesNotContain("abcdefghijklmnop");
    }

    @Test
    void failure_messages_are_one_redacted_line() {
        Exception e = new java.io.IOException("fatal: unable to access 'https://oauth2:glpat-abcdefghijklmnopqrst@h/g.git/':\n  Could not resolve host");
        assertThat(UrlRedactor.message(e)).doesNotContain("abcdefghijklmnop").doesNotContain("\n")
                .contains("glpat-…qrst").endsWith("Could not resolve host");
        assertThat(UrlRedactor.message(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
