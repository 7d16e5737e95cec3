package dev.dkm.convert;

import java.util.List;

/** The result of a bulk run: one outcome per selected repository, whatever happened to the others. */
public record ConversionReport(String runId, List<RepoOutcome> outcomes, boolean cancelled) {
    public ConversionReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(RepoOutcome.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    public boolean anyFailed() {
        return count(RepoOutcome.Outcome.FAILED) > 0;
    }

    public String summary() {
        return count(RepoOutcome.Outcome.CONVERTED) + " converted · " + count(RepoOutcome.Outcome.SKIPPED) + " skipped · "
                + count(RepoOutcome.Outcome.FAILED) + " failed" + (cancelled ? " · cancelled" : "");
    }
}
