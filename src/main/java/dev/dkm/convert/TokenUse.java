package dev.dkm.convert;

import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;
import java.util.List;

/**
 * A token a run removed from repository configs, and where the workspace still uses it.
 *
 * @param removedFrom  repositories (display paths) whose config carried it before the run
 * @param stillUsedBy  repositories (display paths) that carry it now; non-empty means it must not be revoked
 * @param projects     GitLab projects of the repositories it was removed from (where to look for a deploy token)
 */
public record TokenUse(Secret secret, TokenKind kind, String user, String host, Integer port, List<String> removedFrom,
        List<String> stillUsedBy, List<String> projects) {

    public TokenUse {
        removedFrom = List.copyOf(removedFrom);
        stillUsedBy = List.copyOf(stillUsedBy);
        projects = List.copyOf(projects);
    }

    public boolean unused() {
        return stillUsedBy.isEmpty();
    }

    /** One line for the report: the token redacted, its kind, and who used it. */
    public String describe() {
        return secret.redacted() + " (" + kind.id() + ") removed from " + removedFrom.size() + " repo(s)"
                + (unused() ? ", used nowhere else" : ", still used by " + String.join(", ", stillUsedBy));
    }
}
