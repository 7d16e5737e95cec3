package dev.dkm.convert;

import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.Project;
import dev.dkm.gitlab.BranchRules;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.journal.RunLedger;
import dev.dkm.remote.RemoteKind;
import dev.dkm.setup.DeployKeySetup;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupException;
import dev.dkm.setup.SetupListener;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlan;
import dev.dkm.setup.SetupPlanner;
import dev.dkm.setup.SetupResult;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Converts many repositories from token remotes to SSH with deploy keys: {@link #preview} plans each one (nothing
 * changes), {@link #run} applies the ready plans with a bounded number of repositories in flight per GitLab
 * instance. Each repository ends converted, skipped or failed (with its own rollback done); one failure never
 * stops the others; a cancel lets the repositories in flight finish and starts no new one. The whole run shares
 * one journal, so {@code dkm undo RUN_ID} undoes it and running it again resumes it.
 */
public final class BulkConverter {
    private final java.util.function.Function<String, SetupPlanner> planners;
    private final DeployKeySetup setup;
    private final GitLabConnections connections;
    private final Path runsDir;
    private final Clock clock;

    /** Plans every repository with {@code planner}, whatever its environment (tests, one account). */
    public BulkConverter(SetupPlanner planner, DeployKeySetup setup, GitLabConnections connections, Path runsDir, Clock clock) {
        this(env -> planner, setup, connections, runsDir, clock);
    }

    /**
     * @param planners a planner for one preview of the repositories of an environment ({@link RepoInfo#environment()},
     *                 null for the caller's own): its helper does the local steps there
     */
    public BulkConverter(java.util.function.Function<String, SetupPlanner> planners, DeployKeySetup setup,
            GitLabConnections connections, Path runsDir, Clock clock) {
        this.planners = planners;
        this.setup = setup;
        this.connections = connections;
        this.runsDir = runsDir;
        this.clock = clock;
    }

    /** Per-repository progress of a run, for the progress bar and the results table. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void repoStarted(RepoInfo repo) {}

        default void repoFinished(RepoOutcome outcome) {}
    }

    public ConversionPreview preview(List<RepoInfo> repos, SetupOptions options, int jobsPerInstance, Progress progress) {
        ProjectResolver projects = new ProjectResolver();
        Map<RepoInfo, Target> targets = new LinkedHashMap<>();
        List<ConversionItem> decided = Collections.synchronizedList(new ArrayList<>());
        for (RepoInfo repo : repos) {
            Target t = target(repo);
            if (t.skip != null) {
                decided.add(t.skip);
            } else {
                targets.put(repo, t);
            }
        }
        // List maintained projects once per instance when the run touches many of them.
        Map<String, Long> distinct = new LinkedHashMap<>();
        targets.values().stream().map(t -> t.connection.instanceUrl() + " " + t.remote.projectPath()).distinct()
                .forEach(k -> distinct.merge(k.substring(0, k.indexOf(' ')), 1L, Long::sum));
        targets.values().stream().map(t -> t.connection).distinct().forEach(c -> {
            try {
                projects.prefetch(c.instanceUrl(), c.client(), distinct.getOrDefault(c.instanceUrl(), 0L).intValue());
            } catch (GitLabException e) {
                // fall back to one call per project; each item will say what went wrong if that fails too
            }
        });
        // The projects' branch protection, one GraphQL request per 50 projects instead of one REST call each:
        // by id for the listed ones, by full path for the others (SetupPlanner asks REST for what this cannot answer).
        Map<String, Map<Long, BranchRules>> rulesByInstance = new LinkedHashMap<>();
        if (!options.readOnly()) {
            progress.update(decided.size(), repos.size(), "reading the branch protection of the projects");
            targets.values().stream().map(t -> t.connection).distinct().forEach(c -> {
                List<String> paths = targets.values().stream().filter(t -> t.connection.equals(c))
                        .map(t -> t.remote.projectPath()).distinct().toList();
                List<Long> listed = paths.stream().map(p -> projects.listed(c.instanceUrl(), p)).flatMap(Optional::stream)
                        .map(Project::id).distinct().toList();
                List<String> unlisted = paths.stream().filter(p -> projects.listed(c.instanceUrl(), p).isEmpty()).toList();
                Map<Long, BranchRules> rules = new java.util.HashMap<>();
                if (!listed.isEmpty()) {
                    rules.putAll(c.client().branchRules(listed));
                }
                if (!unlisted.isEmpty()) {
                    rules.putAll(c.client().branchRulesByPath(unlisted));
                }
                rulesByInstance.put(c.instanceUrl(), rules);
            });
        }
        int total = repos.size();
        // One planner per environment for this preview (it remembers branch protection per project).
        Map<String, SetupPlanner> plannerOf = new ConcurrentHashMap<>();
        progress.update(decided.size(), total, "planning");
        forEachPerInstance(new ArrayList<>(targets.values()), t -> t.connection.instanceUrl(), jobsPerInstance, progress, t -> {
            decided.add(plan(t, options, projects, plannerOf.computeIfAbsent(String.valueOf(t.repo.environment()), k -> {
                SetupPlanner planner = planners.apply(t.repo.environment());
                rulesByInstance.forEach(planner::knowBranchRules);
                return planner;
            })));
            progress.update(decided.size(), total, t.repo.relativePath());
        });
        // Present in the order the repositories were given.
        Map<RepoInfo, ConversionItem> byRepo = new ConcurrentHashMap<>();
        decided.forEach(i -> byRepo.put(i.repo(), i));
        return new ConversionPreview(repos.stream().map(byRepo::get).filter(java.util.Objects::nonNull).toList());
    }

    public ConversionReport run(ConversionPreview preview, HostKeyConsent consent, int jobsPerInstance, String description,
            Progress progress, Listener listener) throws IOException {
        return run(RunJournal.newRunId(clock.instant()), preview, consent, jobsPerInstance, description, null, progress, listener);
    }

    /**
     * Runs under a given id: a new run, or the resumption of an interrupted one (its journal is appended to; the
     * repositories it finished count in the report as they ended then).
     *
     * @param options what the run was asked to do, journaled so that a resume does the same (null: not recorded)
     */
    public ConversionReport run(String runId, ConversionPreview preview, HostKeyConsent consent, int jobsPerInstance,
            String description, JournalEntry.RunOptions options, Progress progress, Listener listener) throws IOException {
        Earlier earlier = earlier(RunJournal.fileOf(runsDir, runId));
        List<RepoOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (ConversionItem item : preview.items()) {
            if (item.state() != ConversionItem.State.READY) {
                String path = item.repo().path().toString();
                if (item.state() == ConversionItem.State.SKIP && (earlier.converted.contains(path) || earlier.unfinished.containsKey(path))) {
                    continue; // counted below, as the earlier part of the run ended it (or verified again)
                }
                RepoOutcome.Outcome o = item.state() == ConversionItem.State.SKIP ? RepoOutcome.Outcome.SKIPPED : RepoOutcome.Outcome.FAILED;
                outcomes.add(outcome(item, o, item.reason(), null));
            }
        }
        HostKeyConsent askOncePerKey = oncePerFingerprint(consent);
        List<ConversionItem> ready = preview.ready();
        int total = ready.size();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (RunLedger journal = RunLedger.open(runsDir, runId)) {
            journal.append(new JournalEntry.RunStarted(clock.instant(), runId, description, options));
            forEachPerInstance(ready, i -> i.connection().instanceUrl(), jobsPerInstance, progress, item -> {
                listener.repoStarted(item.repo());
                RepoOutcome o = convertOne(item, askOncePerKey, journal);
                outcomes.add(o);
                if (o.outcome() == RepoOutcome.Outcome.FAILED) {
                    failed.incrementAndGet();
                }
                listener.repoFinished(o);
                progress.update(finished.incrementAndGet(), total, failed.get() + " failed");
            });
            boolean cancelled = progress.isCancelled();
            if (cancelled) {
                for (ConversionItem item : ready) {
                    boolean started;
                    synchronized (outcomes) {
                        started = outcomes.stream().anyMatch(o -> o.repo().equals(item.repo().path()));
                    }
                    if (!started) {
                        RepoOutcome o = outcome(item, RepoOutcome.Outcome.SKIPPED, "cancelled before it started", null);
                        outcomes.add(o);
                        listener.repoFinished(o);
                    }
                }
            }
            List<RepoOutcome> whole = new ArrayList<>(ordered(preview, outcomes));
            whole.addAll(earlier.finish(outcomes, journal, options));
            ConversionReport report = new ConversionReport(runId, whole, cancelled);
            journal.append(new JournalEntry.RunFinished(clock.instant(), report.summary()));
            return report;
        }
    }

    /**
     * What the journal of a resumed run says about its earlier part: the repositories it converted (they count in the
     * report) and those it wired but never verified (a crash between the two: they are verified now).
     */
    private final class Earlier {
        final java.util.Set<String> converted = new java.util.LinkedHashSet<>();
        /** Wired but never verified: repository → the environment it lives in (null: this account). */
        final Map<String, String> unfinished = new LinkedHashMap<>();
        /** Every repository whose config the run changed → its environment (null: this account). */
        final Map<String, String> environmentOf = new java.util.HashMap<>();
        JournalEntry.RunOptions options;

        List<RepoOutcome> finish(List<RepoOutcome> done, RunLedger ledger, JournalEntry.RunOptions asked) throws IOException {
            java.util.Set<Path> reported = new java.util.HashSet<>();
            synchronized (done) {
                done.forEach(o -> reported.add(o.repo()));
            }
            List<RepoOutcome> more = new ArrayList<>();
            for (Map.Entry<String, String> wired : unfinished.entrySet()) {
                String repo = wired.getKey();
                String environment = wired.getValue();
                Path path = Path.of(repo);
                // Another environment's folder is not looked at from here: its helper's git says whether it is still there.
                if (reported.contains(path) || (environment == null && !java.nio.file.Files.isDirectory(path))) {
                    continue;
                }
                JournalEntry.RunOptions o = options != null ? options : asked;
                String failure = setup.reverify(path, environment, o == null || !o.readOnly());
                ledger.append(new JournalEntry.RepoFinished(clock.instant(), repo, failure == null ? "converted" : "failed", failure));
                more.add(new RepoOutcome(path, path.getFileName().toString(), null, failure == null ? RepoOutcome.Outcome.CONVERTED
                        : RepoOutcome.Outcome.FAILED, failure == null ? "verified again after the interruption" : failure, null,
                        environment));
            }
            for (String repo : converted) {
                Path path = Path.of(repo);
                if (!reported.contains(path)) {
                    more.add(new RepoOutcome(path, path.getFileName().toString(), null, RepoOutcome.Outcome.CONVERTED,
                            "converted earlier in this run", null, environmentOf.get(repo)));
                }
            }
            return more;
        }
    }

    private Earlier earlier(Path journal) throws IOException {
        Earlier e = new Earlier();
        if (!java.nio.file.Files.isRegularFile(journal)) {
            return e;
        }
        Map<String, String> started = new LinkedHashMap<>(); // repository → its environment
        Map<String, String> finished = new LinkedHashMap<>();
        for (JournalEntry entry : RunJournal.read(journal)) {
            if (entry instanceof JournalEntry.RunStarted r && r.options() != null && e.options == null) {
                e.options = r.options();
            } else if (entry instanceof JournalEntry.ConfigChanged c) {
                started.putIfAbsent(c.repo(), c.environment());
            } else if (entry instanceof JournalEntry.ConfigSaved c) {
                started.putIfAbsent(c.repo(), null);
            } else if (entry instanceof JournalEntry.RepoFinished f) {
                finished.put(f.repo(), f.outcome());
            }
        }
        finished.forEach((repo, outcome) -> {
            if ("converted".equals(outcome)) {
                e.converted.add(repo);
            }
        });
        e.environmentOf.putAll(started);
        started.forEach((repo, environment) -> {
            if (!finished.containsKey(repo)) {
                e.unfinished.put(repo, environment);
            }
        });
        return e;
    }

    private RepoOutcome convertOne(ConversionItem item, HostKeyConsent consent, RunLedger ledger) {
        try {
            SetupResult result = setup.apply(item.plan(), item.connection().client(), consent, ledger, SetupListener.NONE);
            return result.success()
                    ? outcome(item, RepoOutcome.Outcome.CONVERTED, result.limitation(), result.deployKeyId())
                    : outcome(item, RepoOutcome.Outcome.FAILED, result.failure(), null);
        } catch (IOException | RuntimeException e) {
            return outcome(item, RepoOutcome.Outcome.FAILED, "unexpected: " + e.getMessage(), null);
        }
    }

    private ConversionItem plan(Target t, SetupOptions options, ProjectResolver projects, SetupPlanner planner) {
        Project project;
        try {
            project = projects.resolve(t.connection.instanceUrl(), t.connection.client(), t.remote.projectPath());
        } catch (GitLabException e) {
            return ConversionItem.problem(t.repo, e.userMessage(t.remote.projectPath()));
        }
        try {
            SetupPlan plan = planner.plan(t.repo, t.remote, project, t.connection.client(), t.connection.instanceUrl(),
                    options.withRemote(t.remote.name()));
            if (plan.blocked()) {
                return ConversionItem.problem(t.repo, String.join("; ", plan.problems()));
            }
            if (plan.alreadyDone()) {
                return ConversionItem.skip(t.repo, "already set up with its deploy key");
            }
            return ConversionItem.ready(t.repo, plan, t.connection);
        } catch (SetupException e) {
            return ConversionItem.problem(t.repo, e.getMessage());
        } catch (GitLabException e) {
            return ConversionItem.problem(t.repo, e.userMessage(t.remote.projectPath()));
        } catch (RuntimeException e) {
            // one repository that cannot be planned must not stop the preview of the others
            return ConversionItem.problem(t.repo, "could not plan it: " + e.getMessage());
        }
    }

    /** The remote to convert (origin first), and the instance serving it; or why the repository is skipped. */
    private Target target(RepoInfo repo) {
        Optional<RemoteInfo> remote = repo.remotes().stream()
                .filter(r -> r.kind() == RemoteKind.HTTPS_TOKEN)
                .min((a, b) -> Boolean.compare(!a.name().equals("origin"), !b.name().equals("origin")));
        if (remote.isEmpty()) {
            return new Target(repo, null, null, ConversionItem.skip(repo, repo.remotes().isEmpty()
                    ? "no remote" : "no token in any remote URL"));
        }
        RemoteInfo r = remote.get();
        if (r.host() == null || r.projectPath() == null) {
            return new Target(repo, r, null, ConversionItem.problem(repo, "cannot tell the GitLab project from " + r.effectiveUrl()));
        }
        Optional<GitLabConnection> connection = connections.forRemote(r.scheme(), r.host(), r.port());
        if (connection.isEmpty()) {
            return new Target(repo, r, null, ConversionItem.skip(repo, connections.whyNoConnection(r.scheme(), r.host(), r.port())));
        }
        return new Target(repo, r, connection.get(), null);
    }

    private record Target(RepoInfo repo, RemoteInfo remote, GitLabConnection connection, ConversionItem skip) {}

    /**
     * The outcomes a run records before it starts: each skipped repository and each one with a problem (failed),
     * with its reason. With nothing ready this is the whole result, under no run id ({@code dkm convert --json}).
     */
    public static ConversionReport notRun(ConversionPreview preview) {
        List<RepoOutcome> outcomes = new ArrayList<>();
        for (ConversionItem item : preview.items()) {
            if (item.state() != ConversionItem.State.READY) {
                RepoOutcome.Outcome o = item.state() == ConversionItem.State.SKIP ? RepoOutcome.Outcome.SKIPPED : RepoOutcome.Outcome.FAILED;
                outcomes.add(outcome(item, o, item.reason(), null));
            }
        }
        return new ConversionReport(null, outcomes, false);
    }

    private static RepoOutcome outcome(ConversionItem item, RepoOutcome.Outcome outcome, String reason, Long keyId) {
        return new RepoOutcome(item.repo().path(), item.repo().relativePath(), projectOf(item), outcome, reason, keyId,
                item.repo().environment());
    }

    /** The GitLab project of an item: its plan's, else the one its primary remote names. */
    static String projectOf(ConversionItem item) {
        return item.plan() != null ? item.plan().projectPath()
                : item.repo().primaryRemote().map(RemoteInfo::projectPath).orElse(null);
    }

    private static List<RepoOutcome> ordered(ConversionPreview preview, List<RepoOutcome> outcomes) {
        Map<Path, RepoOutcome> byPath = new LinkedHashMap<>();
        synchronized (outcomes) {
            outcomes.forEach(o -> byPath.put(o.repo(), o));
        }
        return preview.items().stream().map(i -> byPath.get(i.repo().path())).filter(java.util.Objects::nonNull).toList();
    }

    /** The user is asked about a host key once per run, however many repositories use that host. */
    private static HostKeyConsent oncePerFingerprint(HostKeyConsent consent) {
        Map<String, Boolean> answers = new ConcurrentHashMap<>();
        return status -> {
            synchronized (answers) {
                return answers.computeIfAbsent(String.valueOf(status.fingerprint()), fp -> consent.trust(status));
            }
        };
    }

    private interface Work<T> {
        void accept(T item) throws IOException;
    }

    /**
     * Runs {@code work} for every item with at most {@code jobs} items in flight per instance; checks for a cancel
     * before starting each item and lets started ones finish.
     */
    private static <T> void forEachPerInstance(List<T> items, java.util.function.Function<T, String> instanceOf, int jobs,
            Progress progress, Work<T> work) throws RuntimeException {
        Map<String, List<T>> byInstance = new LinkedHashMap<>();
        items.forEach(i -> byInstance.computeIfAbsent(instanceOf.apply(i), k -> new ArrayList<>()).add(i));
        List<ExecutorService> pools = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (List<T> group : byInstance.values()) {
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
                    Thread t = new Thread(r, "dkm-convert");
                    t.setDaemon(true);
                    return t;
                });
                pools.add(pool);
                for (T item : group) {
                    futures.add(pool.submit(() -> {
                        if (progress.isCancelled()) {
                            return null;
                        }
                        work.accept(item);
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a conversion worker failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    progress.update(0, 0, "interrupted");
                    return;
                }
            }
        } finally {
            pools.forEach(ExecutorService::shutdownNow);
        }
    }
}
