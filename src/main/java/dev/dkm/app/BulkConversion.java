package dev.dkm.app;

import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.ConversionReport;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.convert.SharedTokenCleanup;
import dev.dkm.journal.RunJournal;
import dev.dkm.convert.TokenCleanup;
import dev.dkm.convert.TokenUse;
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
     * re-scans the workspace to tell which removed tokens are used nowhere any more.
     */
    public Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, String description,
            Progress progress, BulkConverter.Listener listener) throws IOException {
        return run(resumeRunId, preview, consent, jobs, description, progress, listener, false);
    }

    /**
     * As {@link #run(String, ConversionPreview, HostKeyConsent, int, String, Progress, BulkConverter.Listener)}; then
     * takes the converted repositories' tokens out of shared files (credential stores, global and included configs)
     * where no repository of the workspace uses them any more — or, with {@code removeSharedInUse}, everywhere.
     */
    public Result run(String resumeRunId, ConversionPreview preview, HostKeyConsent consent, int jobs, String description,
            Progress progress, BulkConverter.Listener listener, boolean removeSharedInUse) throws IOException {
        ConversionReport report = resumeRunId == null
                ? converter.run(preview, consent, jobs, description, progress, listener)
                : converter.run(resumeRunId, preview, consent, jobs, description, progress, listener);
        Set<Path> converted = report.outcomes().stream().filter(o -> o.outcome() == RepoOutcome.Outcome.CONVERTED)
                .map(RepoOutcome::repo).collect(Collectors.toSet());
        List<RepoInfo> convertedBefore = preview.items().stream().map(ConversionItem::repo)
                .filter(r -> converted.contains(r.path())).toList();
        if (converted.isEmpty()) {
            return new Result(report, List.of(), List.of());
        }
        List<RepoInfo> now = scan(Progress.NONE);
        List<SharedTokenCleanup.Source> sources = SharedTokenCleanup.afterRun(convertedBefore, now);
        List<SharedTokenCleanup.Outcome> shared = List.of();
        if (!sources.isEmpty()) {
            try (RunJournal journal = RunJournal.open(services.runsDir(), report.runId())) {
                shared = SharedTokenCleanup.apply(sources, removeSharedInUse, journal, java.time.Clock.systemUTC());
            }
            if (shared.stream().anyMatch(SharedTokenCleanup.Outcome::removed)) {
                now = scan(Progress.NONE); // what still uses each token, now that the shared lines are gone
            }
        }
        return new Result(report, TokenCleanup.afterRun(convertedBefore, now), shared);
    }

    /** The journal's one-line description of a run: the roots and the options. */
    public String description(SetupOptions options) {
        return "convert " + roots.stream().map(Path::toString).collect(Collectors.joining(" "))
                + (options.sharedKey() ? " (shared key)" : "") + (options.readOnly() ? " (read-only)" : "");
    }

    /** Revokes a removed token on GitLab, never one still used in the workspace. */
    public TokenCleanup.Revocation revoke(TokenUse token) {
        return services.tokenCleanup().revoke(token);
    }

    /** Undoes a run by id: configs back byte for byte, its deploy keys removed. */
    public UndoReport undo(String runId) throws IOException {
        return services.undo().undo(runId);
    }
}
