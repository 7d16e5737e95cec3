package dev.dkm.ui;

import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter box: every word typed must appear (case-insensitive) in the path, a project path, a host,
 * the status, the branch or a remote kind of the repository.
 */
public final class RepoTextFilter implements Predicate<RepoInfo> {
    private final String[] words;
    private final Function<RepoInfo, String> haystacks;

    private RepoTextFilter(String query, Function<RepoInfo, String> haystacks) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        this.words = q.isEmpty() ? new String[0] : q.split("\\s+");
        this.haystacks = haystacks;
    }

    public static RepoTextFilter of(String query) {
        return new RepoTextFilter(query, RepoTextFilter::haystack);
    }

    /**
     * With each repository's searchable text from {@code haystacks} (which the window keeps from one keystroke to
     * the next: building it for 10,000 repositories on every keystroke was most of the filter's time).
     */
    public static RepoTextFilter of(String query, Function<RepoInfo, String> haystacks) {
        return new RepoTextFilter(query, haystacks);
    }

    @Override
    public boolean test(RepoInfo repo) {
        if (words.length == 0) {
            return true;
        }
        String haystack = haystacks.apply(repo);
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The text the words are looked for in: lower case. */
    public static String haystack(RepoInfo repo) {
        StringBuilder text = new StringBuilder()
                .append(repo.path()).append(' ')
                .append(repo.status().id()).append(' ')
                .append(RepoTexts.status(repo.status())).append(' ')
                .append(repo.branch() == null ? "" : repo.branch()).append(' ')
                .append(repo.environment() == null ? "" : repo.environment());
        for (RemoteInfo remote : repo.remotes()) {
            text.append(' ').append(remote.name())
                    .append(' ').append(remote.kind().id())
                    .append(' ').append(remote.host() == null ? "" : remote.host())
                    .append(' ').append(remote.projectPath() == null ? "" : remote.projectPath());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
