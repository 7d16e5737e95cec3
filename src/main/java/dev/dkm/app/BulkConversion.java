package dev.dkm.app;

import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.ConversionReport;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.convert.SharedTokenCleanup;
import dev.dkm.convert.TokenCleanup;
import dev.dkm.convert.TokenUse;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.StaleConfigLocks;
import dev.dkm.journal.UndoReport;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Convert to SSH" over a workspace, as the window's dialog and {@code dkm convert} both run it: pick the repositories
 * with tokens in their URLs, preview, run under one journal, then find the tokens the run took out of configs (the
 * workspace re-scanned, so a token still used anywhere is never offered for revocation), revoke, undo.
 */
public final class BulkConversion {
    /** Repositories in flight per GitLab instance unless the user says otherwise. */
    public static final int DEFAULT_JOBS = 4;

    private final AppServices services;
    private final List<Path> roots;
    private final BulkConverter converter;

    /** A finished run and the tokens it removed from configs (with where they are still used). */
    /**
     * @param shared what became of each token the converted repositories took from a file shared with others
     *               (credential store, global or included config): removed, or kept with who still uses it
     */
    public record Result(ConversionReport report, List<TokenUse> tokens, List<SharedTokenCleanup.Outcome> shared) {
        public Result(ConversionReport report, List<TokenUse> tokens) {
            this(report, tokens, List.of());
        }
    }

    public BulkConversion(AppServices services, List<Path> roots) {
        this.services = services;
        this.roots = List.copyOf(roots);
        this.converter = services.converter();
    }

    public List<RepoInfo> scan(Progress progress) {
        return services.scanner().scan(roots, progress);
    }

    /**
     * True when git sends a token for any remote of the repository (URL, pushurl, insteadOf, http.extraHeader,
     * credential store).
     */
    public static boolean hasToken(RepoInfo repo) {
        return repo.remotes().stream().anyMatch(RemoteInfo::hasToken);
    }

    public static List<RepoInfo> withTokens(List<RepoInfo> workspace) {
        return workspace.stream().filter(BulkConversion::hasToken).toList();
    }

    /** What a run would do for each selected repository; nothing changes. */
    public ConversionPreview preview(List<RepoInfo> selected, SetupOptions options, int jobs, Progress progress) {
        return converter.preview(selected, options, jobs, progress);
    }

    /**
     * Runs the preview's ready items (a new run, or the continuation of {@code resumeRunId} when not null), then
     * re-scans every root the user has to tell which removed tokens are used nowhere any more.
     *
     * @param options what the preview was made with: journaled, so that a resume does the same
     */
    public Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, SetupOptions options,
            Progress progress, BulkConverter.Listener listener) throws IOException {
        return run(resumeRunId, preview, consent, jobs, options, progress, listener, false);
    }

    /** As above, for callers that only describe the run (its options are not journaled then). */
    public Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, String description,
            Progress progress, BulkConverter.Listener listener) throws IOException {
        return run(resumeRunId, preview, consent, jobs, description, null, progress, listener, false);
    }

    /**
     * As {@link #run(String, ConversionPreview, HostKeyConsent, int, SetupOptions, Progress, BulkConverter.Listener)};
     * with {@code removeSharedInUse}, a converted repository's token is taken out of shared files (credential
     * stores, global and included configs) even while other repositories still use it.
     */
    public Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, SetupOptions options,
            Progress progress, BulkConverter.Listener listener, boolean removeSharedInUse) throws IOException {
        return run(resumeRunId, preview, consent, jobs, description(options, preview), new JournalEntry.RunOptions(options.readOnly(),
                options.sharedKey(), options.expiresOn() == null ? null : options.expiresOn().toString(),
                options.allowProtectedPush()), progress, listener, removeSharedInUse);
    }

    private Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, String description,
            JournalEntry.RunOptions options, Progress progress, BulkConverter.Listener listener, boolean removeSharedInUse)
            throws IOException {
        RunRetention.pruneOld(services);
        String runId = resumeRunId == null ? RunJournal.newRunId(services.clock().instant()) : resumeRunId;
        if (resumeRunId != null) { // a kill -9 mid-write left git's lock on a config: the resumed run could not write it
            StaleConfigLocks.clear(RunJournal.read(RunJournal.fileOf(services.runsDir(), resumeRunId)), services.clock());
        }
        ConversionReport report = converter.run(runId, preview, consent, jobs, description, options, progress, listener);
        Set<Path> converted = report.outcomes().stream().filter(o -> o.outcome() == RepoOutcome.Outcome.CONVERTED)
                .map(RepoOutcome::repo).collect(Collectors.toSet());
        // Tokens of other environments stayed there (only their redacted form crossed): nothing here to revoke by.
        List<RepoInfo> convertedBefore = preview.items().stream().map(ConversionItem::repo)
                .filter(r -> r.environment() == null && converted.contains(r.path())).toList();
        if (converted.isEmpty()) {
            return new Result(report, List.of(), List.of());
        }
        List<RepoInfo> now = services.scanEveryRoot(roots);
        // Tokens the converted repositories took from files shared with others: removed once nothing uses them.
        List<SharedTokenCleanup.Source> sources = SharedTokenCleanup.afterRun(convertedBefore, now);
        List<SharedTokenCleanup.Outcome> shared = List.of();
        if (!sources.isEmpty()) {
            try (RunJournal journal = RunJournal.open(services.runsDir(), report.runId())) {
                shared = SharedTokenCleanup.apply(sources, removeSharedInUse, journal, services.clock());
            }
            if (shared.stream().anyMatch(SharedTokenCleanup.Outcome::removed)) {
                now = services.scanEveryRoot(roots); // what still uses each token, now that the shared lines are gone
            }
        }
        return new Result(report, TokenCleanup.afterRun(convertedBefore, now), shared);
    }


    /**
     * The options run {@code runId} was started with, so that its resume does the same; {@code asked} (the flags and
     * preferences of this invocation) where the journal does not say (runs journaled before options were).
     *
     * @throws IOException when there is no such run, or it was undone
     */
    public SetupOptions resumeOptions(String runId, SetupOptions asked) throws IOException {
        Path file = RunJournal.fileOf(services.runsDir(), runId);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("no run " + runId + " to resume (dkm runs lists them)");
        }
        JournalEntry.RunOptions recorded = null;
        for (JournalEntry e : RunJournal.read(file)) {
            if (e instanceof JournalEntry.RunStarted r && r.options() != null && recorded == null) {
                recorded = r.options();
            } else if (e instanceof JournalEntry.RunUndone) {
                throw new IOException("run " + runId + " was undone; start a new run instead of resuming it");
            }
        }
        if (recorded == null) {
            return asked;
        }
        return asked.withReadOnly(recorded.readOnly()).withSharedKey(recorded.sharedKey())
                .withExpiresOn(recorded.expiresOn() == null ? null : java.time.LocalDate.parse(recorded.expiresOn()))
                .withAllowProtectedPush(recorded.allowProtectedPush());
    }

    /** The journal's one-line description of a run: the roots and the options. */
    public String description(SetupOptions options) {
        return description(options, new ConversionPreview(List.of()));
    }

    /**
     * As above, naming also the other environments the preview's repositories live in ({@code --user codimd}, as
     * {@code dkm convert} would), so that {@code dkm runs} tells a window run across environments from one of this
     * account alone.
     */
    public String description(SetupOptions options, ConversionPreview preview) {
        List<dev.dkm.environments.EnvironmentSpec> environments = preview.items().stream().map(i -> i.repo().environment())
                .filter(java.util.Objects::nonNull).distinct().map(dev.dkm.environments.EnvironmentSpec::parse).toList();
        return "convert " + roots.stream().map(Path::toString).collect(Collectors.joining(" "))
                + (environments.isEmpty() ? "" : " " + EnvironmentConversion.flags(environments))
                + (options.sharedKey() ? " (shared key)" : "") + (options.readOnly() ? " (read-only)" : "");
    }

    /**
     * Revokes a removed token on GitLab — never one still used under any of the user's roots, never the API token dkm
     * signs in with — and then takes it out of every run journal (an undo restores its URLs without it and says so).
     */
    public TokenCleanup.Revocation revoke(TokenUse token) {
        TokenCleanup.Revocation revocation = services.tokenCleanup().revoke(token);
        if (revocation.revoked()) {
            try {
                dev.dkm.journal.JournalScrubber.dropToken(services.runsDir(), token.secret(), "the token "
                        + token.secret().redacted() + " was revoked on " + services.clock().instant()
                        + "; its URLs are restored without it");
            } catch (IOException e) {
                return new TokenCleanup.Revocation(token, true, revocation.message() + " (but the run journals still hold it: "
                        + e.getMessage() + "; dkm runs --prune removes them)");
            }
        }
        return revocation;
    }

    /** Undoes a run by id: configs back byte for byte, its deploy keys removed. */
    public UndoReport undo(String runId) throws IOException {
        return services.undo().undo(runId);
    }
}
