package dev.dkm.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of failure reads as one finished sentence naming the subject, with or without GitLab's detail. */
class UserMessageTest {
    @ParameterizedTest
    @EnumSource(GitLabErrorKind.class)
    void oneSentenceNamingTheSubject(GitLabErrorKind kind) {
        for (String detail : new String[] {null, "title is missing"}) {
            String m = new GitLabException(kind, 400, detail, null, null).userMessage("group/repo");
            assertThat(m).contains("group/repo").endsWith(".").doesNotContain("null");
        }
    }
}
