package dev.dkm.app;

import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.RunLedger;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupException;
import dev.dkm.setup.SetupListener;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlan;
import dev.dkm.setup.SetupResult;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;

/**
 * "Set up deploy key" for one repository, as the window's button and {@code dkm setup} both run it: find the GitLab
 * instance of the remote, plan, then apply under a journal of its own (so {@code dkm undo RUN_ID} undoes it).
 */
public final class OneClickSetup {
    /** A plan together with the instance it was made against. */
    public record Prepared(RepoInfo repo, SetupPlan plan, GitLabConnection connection) {}

    private final AppServices services;

    public OneClickSetup(AppServices services) {
        this.services = services;
    }

    /** Plans a repository of its environment ({@link RepoInfo#environment()}): for another one, its helper does the local steps. */
    public Prepared plan(RepoInfo repo, SetupOptions options) throws SetupException {
        String environment = repo.environment();
        RemoteInfo remote = repo.remotes().stream().filter(r -> r.name().equals(options.remote())).findFirst()
                .orElseThrow(() -> new SetupException(repo.relativePath() + " has no remote named " + options.remote()));
        GitLabConnection connection = services.connections().forRemote(remote.scheme(), remote.host(), remote.port())
                .orElseThrow(() -> new SetupException(services.connections().whyNoConnection(remote.scheme(), remote.host(), remote.port())));
        SetupPlan plan = services.planner(environment).plan(repo, connection.client(), connection.instanceUrl(), options);
        return new Prepared(repo, plan, connection);
    }

    public SetupResult run(Prepared prepared, HostKeyConsent consent, SetupListener listener) throws IOException {
        RunRetention.pruneOld(services);
        String runId = RunJournal.newRunId(services.clock().instant());
        try (RunLedger journal = RunLedger.open(services.runsDir(), runId)) {
            journal.append(new JournalEntry.RunStarted(services.clock().instant(), runId,
                    "setup " + (prepared.plan().environment() == null ? "" : prepared.plan().environment() + ":")
                            + prepared.repo().path() + " (" + prepared.plan().projectPath() + ")"));
            SetupResult result = services.setup().apply(prepared.plan(), prepared.connection().client(), consent, journal, listener);
            journal.append(new JournalEntry.RunFinished(services.clock().instant(), result.success() ? "1 converted" : "1 failed"));
            return result;
        }
    }
}
