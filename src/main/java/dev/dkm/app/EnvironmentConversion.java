package dev.dkm.app;

import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.ConversionReport;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.environments.EnvironmentScan;
import dev.dkm.environments.EnvironmentSpec;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.UndoReport;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Convert to SSH" across environments ({@code dkm convert --user A --user B}, the window's environments): each
 * environment scanned and planned through its own helper, the GitLab side done here with this session's token, and
 * the whole run under one journal that says which environment each config lives in, so {@code dkm undo} restores
 * each one there. An environment that fails is one row with its reason; the others go on.
 */
public final class EnvironmentConversion {
    private final AppServices services;
    private final List<EnvironmentSpec> specs;
    private final List<Path> roots;

    /**
     * A preview over environments: the items of all of them (one run), which environment each item belongs to, and
     * the environments that could not be scanned.
     */
    public record Preview(ConversionPreview preview, Map<ConversionItem, String> itemEnvironments,
            Map<String, String> failedEnvironments, Map<Path, String> repoEnvironments) {
        public String environmentOf(ConversionItem item) {
            return itemEnvironments.get(item);
        }

        /**
         * The environment of a repository in the report, by its path among every repository scanned: a resumed run
         * also reports repositories its earlier part converted, which have no token left and so are not in the preview.
         */
        public String environmentOf(RepoOutcome outcome) {
            if (outcome.environment() != null) {
                return outcome.environment();
            }
            return repoEnvironments.get(outcome.repo());
        }
    }

    /** @param roots the same roots in every environment, or empty: each one's remembered roots, else its home */
    public EnvironmentConversion(AppServices services, List<EnvironmentSpec> specs, List<Path> roots) {
        this.services = services;
        this.specs = List.copyOf(specs);
        this.roots = List.copyOf(roots);
    }

    public List<EnvironmentScan.Result> scan(Progress progress) {
        return new EnvironmentScan(services.environments(), ScanOptions.defaults()).scan(specs, roots, progress);
    }

    /** Plans every repository with a token in its remotes, environment by environment; nothing changes. */
    public Preview preview(List<EnvironmentScan.Result> scanned, SetupOptions options, int jobs, Progress progress) {
        List<ConversionItem> items = new ArrayList<>();
        Map<ConversionItem, String> itemEnvironments = new IdentityHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<Path, String> repoEnvironments = new HashMap<>();
        for (EnvironmentScan.Result env : scanned) {
            if (env.failed()) {
                failed.put(env.environment(), env.failure());
                continue;
            }
            env.repos().forEach(r -> repoEnvironments.put(r.path(), env.environment()));
            List<RepoInfo> selected = BulkConversion.withTokens(env.repos());
            if (selected.isEmpty()) {
                continue;
            }
            for (ConversionItem item : services.converter().preview(selected, options, jobs, progress).items()) {
                items.add(item);
                itemEnvironments.put(item, env.environment());
            }
        }
        return new Preview(new ConversionPreview(items), itemEnvironments, failed, repoEnvironments);
    }

    /**
     * Runs the ready items of every environment under one journal (a new run, or {@code resumeRunId}'s), with
     * {@code options} journaled so that a resume does the same.
     */
    public ConversionReport run(String resumeRunId, Preview preview, HostKeyConsent consent, int jobs, SetupOptions options,
            Progress progress, BulkConverter.Listener listener) throws IOException {
        RunRetention.pruneOld(services);
        String runId = resumeRunId == null ? RunJournal.newRunId(services.clock().instant()) : resumeRunId;
        return services.converter().run(runId, preview.preview(), consent, jobs, description(options),
                new JournalEntry.RunOptions(options.readOnly(), options.sharedKey(),
                        options.expiresOn() == null ? null : options.expiresOn().toString(), options.allowProtectedPush()),
                progress, listener);
    }

    /** The options run {@code runId} was started with (see {@link BulkConversion#resumeOptions}). */
    public SetupOptions resumeOptions(String runId, SetupOptions asked) throws IOException {
        return new BulkConversion(services, roots).resumeOptions(runId, asked);
    }

    /** The journal's description of the run: the environments, the roots and the options. */
    public String description(SetupOptions options) {
        return "convert " + flags(specs)
                + roots.stream().map(p -> " " + p).collect(Collectors.joining())
                + (options.sharedKey() ? " (one key per environment)" : "") + (options.readOnly() ? " (read-only)" : "");
    }

    /** The environments as {@code dkm convert} names them: {@code --user codimd --env-command 'podman exec -i web'}. */
    static String flags(List<EnvironmentSpec> specs) {
        return specs.stream().map(s -> s.kind() == EnvironmentSpec.Kind.ACCOUNT ? "--user " + s.value()
                : "--env-command '" + s.value() + "'").collect(Collectors.joining(" "));
    }

    /** Undoes a run: each config restored in its own environment (by its helper), the run's deploy keys removed. */
    public UndoReport undo(String runId) throws IOException {
        return services.undo().undo(runId);
    }

    /**
     * One line per environment of a run's outcomes, in the order the environments first appear, naming only what
     * happened there: {@code codimd: 2 converted · 1 failed}, this account's own as {@code this account: …}. An
     * environment whose every repository failed for one same reason (its helper gone, the account removed meanwhile)
     * is that one line with the reason: {@code codimd: 3 failed: the helper …}.
     */
    public static List<String> environmentLines(List<RepoOutcome> outcomes, java.util.function.Function<RepoOutcome, String> environmentOf) {
        Map<String, List<RepoOutcome>> byEnvironment = new LinkedHashMap<>();
        for (RepoOutcome o : outcomes) {
            String env = environmentOf.apply(o);
            byEnvironment.computeIfAbsent(env == null ? THIS_ACCOUNT : env, k -> new ArrayList<>()).add(o);
        }
        List<String> lines = new ArrayList<>();
        byEnvironment.forEach((env, list) -> {
            List<String> parts = new ArrayList<>();
            for (RepoOutcome.Outcome kind : RepoOutcome.Outcome.values()) {
                long n = list.stream().filter(o -> o.outcome() == kind).count();
                if (n > 0) {
                    parts.add(n + " " + kind.id());
                }
            }
            String line = env + ": " + String.join(" · ", parts);
            List<String> reasons = list.stream().map(RepoOutcome::reason).distinct().toList();
            if (list.stream().allMatch(o -> o.outcome() == RepoOutcome.Outcome.FAILED) && reasons.size() == 1 && reasons.get(0) != null) {
                line += ": " + reasons.get(0);
            }
            lines.add(line);
        });
        return lines;
    }

    /** How the caller's own account is named where environments are listed. */
    public static final String THIS_ACCOUNT = "this account";
}
