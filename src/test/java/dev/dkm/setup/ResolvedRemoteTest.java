package dev.dkm.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.testsupport.IsolatedGit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code git remote -v}, parsed, says what {@code git remote get-url} and {@code git remote get-url --push --all} say
 * — checked against the real git on configs that make them differ (insteadOf, pushInsteadOf, several push URLs, a
 * partial clone's filter, a push URL from an included file); and a listing that names the remote ambiguously is
 * refused (the verify step then asks get-url).
 */
class ResolvedRemoteTest {
    @TempDir Path tmp;
    IsolatedGit git;
    Path repo;

    @BeforeEach
    void repo() throws Exception {
        git = new IsolatedGit(tmp);
        repo = tmp.resolve("r");
        git.git(tmp, "init", "-q", repo.toString()).assertOk();
        git.git(repo, "remote", "add", "origin", "https://gitlab.example/g/p.git").assertOk();
        git.git(repo, "remote", "add", "other", "https://elsewhere.example/o.git").assertOk();
    }

    private void config(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("config"));
        all.addAll(List.of(args));
        git.git(repo, all.toArray(String[]::new)).assertOk();
    }

    /** What get-url answers, next to what the parsed listing says. */
    private ResolvedRemote both(String remote) throws Exception {
        String fetch = git.git(repo, "remote", "get-url", remote).assertOk().stdout().strip();
        List<String> push = git.git(repo, "remote", "get-url", "--push", "--all", remote).assertOk().stdout().lines().toList();
        ResolvedRemote parsed = ResolvedRemote.parse(git.git(repo, "remote", "-v").assertOk().stdout(), remote);
        assertThat(parsed).isEqualTo(new ResolvedRemote(fetch, push));
        return parsed;
    }

    @Test
    void a_plain_remote_has_one_url_for_both() throws Exception {
        assertThat(both("origin")).isEqualTo(new ResolvedRemote("https://gitlab.example/g/p.git", List.of("https://gitlab.example/g/p.git")));
        assertThat(both("origin").otherThan("https://gitlab.example/g/p.git")).isNull();
    }

    /** insteadOf rewrites both URLs, pushInsteadOf the push URL only. */
    @ParameterizedTest
    @CsvSource({"insteadOf, ssh://git@mirror.example/g/p.git", "pushInsteadOf, https://gitlab.example/g/p.git"})
    void a_rewriting_rule_is_applied_as_git_applies_it(String rule, String fetchUrl) throws Exception {
        config("url.ssh://git@mirror.example/." + rule, "https://gitlab.example/");
        ResolvedRemote r = both("origin");
        assertThat(r.fetchUrl()).isEqualTo(fetchUrl);
        assertThat(r.pushUrls()).containsExactly("ssh://git@mirror.example/g/p.git");
        assertThat(r.otherThan("https://gitlab.example/g/p.git")).isEqualTo("ssh://git@mirror.example/g/p.git");
    }

    @Test
    void every_push_url_counts_not_only_the_first() throws Exception {
        config("remote.origin.pushurl", "https://gitlab.example/g/p.git");
        Path extra = Files.writeString(tmp.resolve("extra.config"), "[remote \"origin\"]\n\tpushurl = https://mirror.example/p.git\n");
        config("include.path", extra.toString());
        ResolvedRemote r = both("origin");
        assertThat(r.pushUrls()).containsExactly("https://gitlab.example/g/p.git", "https://mirror.example/p.git");
        assertThat(r.otherThan("https://gitlab.example/g/p.git")).isEqualTo("https://mirror.example/p.git");
    }

    @Test
    void a_partial_clone_filter_after_the_fetch_url_is_not_part_of_it() throws Exception {
        config("remote.origin.promisor", "true");
        config("remote.origin.partialclonefilter", "blob:none");
        assertThat(git.git(repo, "remote", "-v").stdout()).contains("(fetch) [blob:none]");
        assertThat(both("origin").fetchUrl()).isEqualTo("https://gitlab.example/g/p.git");
    }

    @Test
    void another_remote_whose_name_starts_with_the_name_and_a_tab_makes_it_ambiguous() throws Exception {
        Files.writeString(repo.resolve(".git/config"), "[remote \"origin\tx\"]\n\turl = https://gitlab.example/g/p.git\n",
                java.nio.file.StandardOpenOption.APPEND);
        String listing = git.git(repo, "remote", "-v").assertOk().stdout();
        assertThat(listing).contains("origin\tx\t");
        assertThat(ResolvedRemote.parse(listing, "origin")).isNull();
    }

    @Test
    void a_remote_git_does_not_know_is_not_there() throws Exception {
        assertThat(ResolvedRemote.parse(git.git(repo, "remote", "-v").assertOk().stdout(), "gone")).isNull();
    }
}
