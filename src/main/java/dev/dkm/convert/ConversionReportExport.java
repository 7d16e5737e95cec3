package dev.dkm.convert;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.dkm.setup.SetupPlan;
import dev.dkm.tokens.CsvWriter;
import java.util.Arrays;
import java.util.List;

/** A run's per-repository results as CSV or JSON: the same export behind the results table and {@code dkm convert --json}. */
public final class ConversionReportExport {
    private ConversionReportExport() {}

    /** A run across environments (some repository lives in another one): its rows then say where each lives. */
    private static boolean acrossEnvironments(ConversionReport report) {
        return report.outcomes().stream().anyMatch(o -> o.environment() != null);
    }

    /** One row per repository; a run across environments adds an {@code environment} column (empty: the caller's own). */
    public static String csv(ConversionReport report) {
        boolean environments = acrossEnvironments(report);
        List<String> header = new java.util.ArrayList<>(List.of("run", "repository", "project", "outcome", "reason", "deploy_key_id"));
        if (environments) {
            header.add("environment");
        }
        CsvWriter csv = new CsvWriter().row(header);
        for (RepoOutcome o : report.outcomes()) {
            List<String> row = new java.util.ArrayList<>(Arrays.asList(report.runId(), o.displayPath(), o.project(), o.outcome().id(),
                    o.reason(), o.deployKeyId() == null ? null : o.deployKeyId().toString()));
            if (environments) {
                row.add(o.environment());
            }
            csv.row(row);
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
        boolean environments = acrossEnvironments(report);
        for (RepoOutcome o : report.outcomes()) {
            JsonObject r = new JsonObject();
            r.addProperty("path", o.repo().toString());
            r.addProperty("repository", o.displayPath());
            r.addProperty("project", o.project());
            r.addProperty("outcome", o.outcome().id());
            r.addProperty("reason", o.reason());
            r.addProperty("deployKeyId", o.deployKeyId());
            if (environments) { // as dkm convert --user writes it (docs/cli-json.md), null for the caller's own
                r.addProperty("environment", o.environment());
            }
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

    /** A preview as JSON ({@code dkm convert --dry-run --json}): what a run would do to each repository; nothing changed. */
    public static String previewJson(ConversionPreview preview) {
        JsonObject root = new JsonObject();
        root.add("runId", JsonNull.INSTANCE);
        root.addProperty("dryRun", true);
        JsonObject counts = new JsonObject();
        counts.addProperty("ready", preview.count(ConversionItem.State.READY));
        counts.addProperty("skipped", preview.count(ConversionItem.State.SKIP));
        counts.addProperty("problems", preview.count(ConversionItem.State.PROBLEM));
        root.add("counts", counts);
        JsonArray repos = new JsonArray();
        for (ConversionItem item : preview.items()) {
            JsonObject r = new JsonObject();
            r.addProperty("path", item.repo().path().toString());
            r.addProperty("repository", item.repo().relativePath());
            r.addProperty("project", BulkConverter.projectOf(item));
            r.addProperty("state", switch (item.state()) {
                case READY -> "ready";
                case SKIP -> "skipped";
                case PROBLEM -> "problem";
            });
            r.addProperty("reason", item.reason());
            SetupPlan plan = item.plan();
            r.addProperty("sshUrl", plan == null ? null : plan.sshUrl());
            r.addProperty("keyFile", plan == null ? null : plan.keyFile().toString());
            r.addProperty("newKey", plan == null ? null : plan.generateKey());
            r.addProperty("access", plan == null ? null : plan.access());
            repos.add(r);
        }
        root.add("repositories", repos);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
