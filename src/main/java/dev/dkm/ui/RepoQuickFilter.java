package dev.dkm.ui;

import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** The status choices next to the filter box. */
public enum RepoQuickFilter implements Predicate<RepoInfo> {
    ALL("All repositories", EnumSet.allOf(RepoStatus.class)),
    TOKENS_IN_URLS("Tokens in URLs", EnumSet.of(RepoStatus.TOKEN_IN_URL)),
    /** A token git sends from a credential store or an {@code http.extraHeader}. */
    TOKENS_IN_CREDENTIALS("Tokens in credential stores and headers", EnumSet.of(RepoStatus.TOKEN_IN_CREDENTIALS)),
    WIRED("Wired to deploy keys", EnumSet.of(RepoStatus.WIRED)),
    KEY_MISSING("Key missing", EnumSet.of(RepoStatus.KEY_MISSING)),
    SSH_DEFAULT_KEY("SSH with default key", EnumSet.of(RepoStatus.SSH_DEFAULT_KEY)),
    HTTPS_NO_TOKEN("HTTPS without token", EnumSet.of(RepoStatus.HTTPS_NO_TOKEN)),
    NO_NETWORK_REMOTE("No or local remote", EnumSet.of(RepoStatus.NO_REMOTE, RepoStatus.LOCAL_REMOTE)),
    ERRORS("Errors", EnumSet.of(RepoStatus.ERROR));

    private final String label;
    private final Set<RepoStatus> statuses;

    RepoQuickFilter(String label, Set<RepoStatus> statuses) {
        this.label = label;
        this.statuses = statuses;
    }

    public String label() {
        return label;
    }

    @Override
    public boolean test(RepoInfo repo) {
        return statuses.contains(repo.status());
    }

    @Override
    public String toString() {
        return label;
    }
}
