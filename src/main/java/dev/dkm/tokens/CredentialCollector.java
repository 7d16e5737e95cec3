package dev.dkm.tokens;

import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The collect use case behind the dashboard and {@code dkm tokens}: every credential in sight of the scanned
 * repositories and the app's own tokens, on every instance, with the repositories that depend on each.
 * GitLab calls run on a small bounded pool (the client adds its own per-instance bound and rate-limit pacing);
 * a failing call becomes a note and never stops the rest.
 */
public final class CredentialCollector {
    public static final int DEFAULT_PARALLELISM = 4;

    private final boolean inspectUrlTokens;
    private final int parallelism;

    /**
     * @param inspectUrlTokens the user agreed that access tokens found in remotes may be sent to their instance
     *                         ({@code GET /personal_access_tokens/self} with that token) to learn their name and expiry
     */
    public CredentialCollector(boolean inspectUrlTokens, int parallelism) {
        this.inspectUrlTokens = inspectUrlTokens;
        this.parallelism = Math.max(1, parallelism);
    }

    public CredentialCollector(boolean inspectUrlTokens) {
        this(inspectUrlTokens, DEFAULT_PARALLELISM);
    }

    public CollectionResult collect(List<RepoInfo> repos, List<InstanceConnection> instances, Progress progress) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "dkm-collect-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<CredentialItem> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<CollectionResult.GroupedNote> details = new ArrayList<>();
        try {
            for (InstanceConnection instance : instances) {
                if (progress.isCancelled()) {
                    break;
                }
                InstanceCollection run = new InstanceCollection(instance, WorkspaceIndex.of(repos, instance), inspectUrlTokens, pool, progress);
                run.run();
                items.addAll(run.items());
                notes.addAll(run.notes());
                details.addAll(run.groupedNotes());
            }
        } finally {
            pool.shutdownNow();
        }
        items.sort(Comparator.comparing(CredentialCollector::sortDate)
                .thenComparing(CredentialItem::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return new CollectionResult(items, notes, details);
    }

    /** Soonest expiry first; a token GitLab refuses as expired (date unknown) with the expired ones, never-expiring last. */
    private static LocalDate sortDate(CredentialItem i) {
        if (i.expiresOn() != null) {
            return i.expiresOn();
        }
        return i.rejected() ? LocalDate.MIN : LocalDate.MAX;
    }
}
