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
import dev.dkm.convert.SharedTokenCleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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
        SetupResult result;
        try (RunLedger journal = RunLedger.open(services.runsDir(), runId)) {
            journal.append(new JournalEntry.RunStarted(services.clock().instant(), runId,
                    "setup " + (prepared.plan().environment() == null ? "" : prepared.plan().environment() + ":")
                            + prepared.repo().path() + " (" + prepared.plan().projectPath() + ")"));
            result = services.setup().apply(prepared.plan(), prepared.connection().client(), consent, journal, listener);
            journal.append(new JournalEntry.RunFinished(services.clock().instant(), result.success() ? "1 converted" : "1 failed"));
        }
        if (!result.success() || prepared.plan().environment() != null) {
            return result; // another account's shared files are for its own helper, never read from here
        }
        return result.withNotes(sharedTokenLines(prepared.repo(), runId));
    }

    /**
     * A token the repository took from a file shared with others (a credential-store entry, a global or included
     * {@code extraHeader}): its lines go once no repository under the workspace roots or the repository's own root
     * still uses it, as after a bulk run; otherwise the note says which still do. {@code dkm undo} puts them back.
     */
    private List<String> sharedTokenLines(RepoInfo before, String runId) throws IOException {
        if (before.remotes().stream().flatMap(r -> r.tokens().stream()).noneMatch(t -> t.file() != null)) {
            return List.of(); // nothing outside the repository's own config: no second scan
        }
        List<Path> remembered = services.settings().workspaceRoots().stream().filter(Files::isDirectory).toList();
        List<RepoInfo> now = services.scanEveryRoot(List.of(before.root() != null ? before.root() : before.path()));
        List<SharedTokenCleanup.Source> sources = SharedTokenCleanup.afterRun(List.of(before), now);
        if (sources.isEmpty()) {
            return List.of();
        }
        if (remembered.isEmpty()) {
            // With no workspace roots there is nowhere to look for the other repositories that may use the entry:
            // never cut them off on a guess.
            return sources.stream().map(s -> s.describe() + ": kept — no workspace roots are remembered to check who else"
                    + " uses it (add your folders in the window, or run dkm convert over them)").toList();
        }
        try (RunJournal journal = RunJournal.open(services.runsDir(), runId)) {
            return SharedTokenCleanup.apply(sources, false, journal, services.clock()).stream().map(SharedTokenCleanup.Outcome::message).toList();
        }
    }
}
