package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "used by" cell of the Tokens tab and dkm tokens: one credential-store entry can serve dozens of repositories. */
class CredentialItemUsedByTest {
    private static CredentialItem usedBy(List<String> repos) {
        return new CredentialItem("personal:h:1", CredentialKind.PERSONAL_ACCESS_TOKEN, "store", "https://h", "user a",
                List.of(), null, null, null, false, "glpat-…abcd", repos);
    }

    @Test
    void aFewAreNamedManyAreCounted() {
        assertThat(usedBy(List.of()).usedBy()).isEmpty();
        assertThat(usedBy(List.of("a", "b", "c")).usedBy()).isEqualTo("a, b, c");
        List<String> many = IntStream.range(0, 37).mapToObj(i -> "team/r" + i).toList();
        assertThat(usedBy(many).usedBy()).isEqualTo("used by 37 repositories (team/r0, team/r1, team/r2, …)");
    }
}
