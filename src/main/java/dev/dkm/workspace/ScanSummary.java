package dev.dkm.workspace;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The counts shown above the table and at the end of {@code dkm scan}. */
public record ScanSummary(int repos, int withTokens, int wired, int errors, Map<RepoStatus, Integer> byStatus) {
    public ScanSummary {
        byStatus = Map.copyOf(byStatus);
    }

    public static ScanSummary of(List<RepoInfo> repos) {
        Map<RepoStatus, Integer> counts = new EnumMap<>(RepoStatus.class);
        for (RepoInfo r : repos) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        return new ScanSummary(repos.size(), counts.getOrDefault(RepoStatus.TOKEN_IN_URL, 0),
                counts.getOrDefault(RepoStatus.WIRED, 0), counts.getOrDefault(RepoStatus.ERROR, 0), counts);
    }

    /** {@code 212 repos · 37 with tokens in URLs · 120 wired to deploy keys} (and errors, when there are some). */
    public String line() {
        String line = repos + (repos == 1 ? " repo" : " repos") + " · " + withTokens + " with tokens in URLs · "
                + wired + " wired to deploy keys";
        int credentials = byStatus.getOrDefault(RepoStatus.TOKEN_IN_CREDENTIALS, 0);
        if (credentials > 0) {
            line += " · " + credentials + " with tokens in git credentials";
        }
        return errors == 0 ? line : line + " · " + errors + (errors == 1 ? " error" : " errors");
    }
}
