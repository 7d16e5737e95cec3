package dev.dkm.convert;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.tokens.CsvWriter;
import java.util.Arrays;
import java.util.List;

/** A run's per-repository results as CSV or JSON: the same export behind the results table and {@code dkm convert --json}. */
public final class ConversionReportExport {
    private ConversionReportExport() {}

    public static String csv(ConversionReport report) {
        CsvWriter csv = new CsvWriter().row(List.of("run", "repository", "project", "outcome", "reason", "deploy_key_id"));
        for (RepoOutcome o : report.outcomes()) {
            csv.row(Arrays.asList(report.runId(), o.displayPath(), o.project(), o.outcome().id(), o.reason(),
                    o.deployKeyId() == null ? null : o.deployKeyId().toString()));
        }
        return csv.toString();
    }

    public static String json(ConversionReport report, List<TokenUse> tokens) {
        JsonObject root = new JsonObject();
        root.addProperty("runId", report.runId());
        root.addProperty("cancelled", report.cancelled());
        JsonObject counts = new JsonObject();
        for (RepoOutcome.Outcome outcome : RepoOutcome.Outcome.values()) {
            counts.addProperty(outcome.id(), report.count(outcome));
        }
        root.add("counts", counts);
        JsonArray repos = new JsonArray();
        for (RepoOutcome o : report.outcomes()) {
            JsonObject r = new JsonObject();
            r.addProperty("path", o.repo().toString());
            r.addProperty("repository", o.displayPath());
            r.addProperty("project", o.project());
            r.addProperty("outcome", o.outcome().id());
            r.addProperty("reason", o.reason());
            r.addProperty("deployKeyId", o.deployKeyId());
            repos.add(r);
        }
        root.add("repositories", repos);
        JsonArray removed = new JsonArray();
        for (TokenUse t : tokens) {
            JsonObject j = new JsonObject();
            j.addProperty("token", t.secret().redacted());
            j.addProperty("kind", t.kind().id());
            j.add("removedFrom", strings(t.removedFrom()));
            j.add("stillUsedBy", strings(t.stillUsedBy()));
            removed.add(j);
        }
        root.add("tokensRemoved", removed);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
