package dev.dkm.convert;

import dev.dkm.remote.UrlRedactor;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.setup.SetupPlan;
import dev.dkm.workspace.RepoInfo;

/**
 * One selected repository in a preview: what will happen to it, and why.
 *
 * @param plan       the setup plan when {@link State#READY}, else null
 * @param connection the GitLab instance it belongs to, when known
 * @param reason     why it is skipped or cannot run; null when ready
 */
public record ConversionItem(RepoInfo repo, State state, SetupPlan plan, GitLabConnection connection, String reason) {
    /** Free text passes the one redactor here, whatever built it (an exception message, git's stderr). */
    public ConversionItem {
        reason = UrlRedactor.redact(reason);
    }

    public enum State {
        /** Will be converted. */
        READY,
        /** Nothing to do or not ours to do (no token, already set up, no instance configured for the host). */
        SKIP,
        /** Would fail: project not found, not Maintainer, host key changed … */
        PROBLEM
    }

    static ConversionItem ready(RepoInfo repo, SetupPlan plan, GitLabConnection connection) {
        return new ConversionItem(repo, State.READY, plan, connection, null);
    }

    static ConversionItem skip(RepoInfo repo, String reason) {
        return new ConversionItem(repo, State.SKIP, null, null, reason);
    }

    static ConversionItem problem(RepoInfo repo, String reason) {
        return new ConversionItem(repo, State.PROBLEM, null, null, reason);
    }
}
