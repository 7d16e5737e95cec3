package dev.dkm.ui;

import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.util.ArrayList;
import java.util.List;

/** The counts line under the table: "212 repos · 37 with tokens in URLs · 120 wired to deploy keys · 3 errors". */
public record RepoSummary(int repos, int tokensInUrls, int tokensInCredentials, int wired, int keyMissing, int errors) {
    public static final RepoSummary EMPTY = new RepoSummary(0, 0, 0, 0, 0, 0);

    public RepoSummary(int repos, int tokensInUrls, int wired, int keyMissing, int errors) {
        this(repos, tokensInUrls, 0, wired, keyMissing, errors);
    }

    public static RepoSummary of(List<RepoInfo> repos) {
        int tokens = 0;
        int credentials = 0;
        int wired = 0;
        int missing = 0;
        int errors = 0;
        for (RepoInfo repo : repos) {
            RepoStatus s = repo.status();
            if (s == RepoStatus.TOKEN_IN_URL) {
                tokens++;
            } else if (s == RepoStatus.TOKEN_IN_CREDENTIALS) {
                credentials++;
            } else if (s == RepoStatus.WIRED) {
                wired++;
            } else if (s == RepoStatus.KEY_MISSING) {
                missing++;
            } else if (s == RepoStatus.ERROR) {
                errors++;
            }
        }
        return new RepoSummary(repos.size(), tokens, credentials, wired, missing, errors);
    }

    /** Zero counts other than the total are left out, so the line says only what matters. */
    public String text() {
        List<String> parts = new ArrayList<>();
        parts.add(repos + (repos == 1 ? " repo" : " repos"));
        if (tokensInUrls > 0) {
            parts.add(tokensInUrls + " with tokens in URLs");
        }
        if (tokensInCredentials > 0) {
            parts.add(tokensInCredentials + " with tokens in git credentials");
        }
        if (wired > 0) {
            parts.add(wired + " wired to deploy keys");
        }
        if (keyMissing > 0) {
            parts.add(keyMissing + (keyMissing == 1 ? " key missing" : " keys missing"));
        }
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        return String.join(" · ", parts);
    }
}
