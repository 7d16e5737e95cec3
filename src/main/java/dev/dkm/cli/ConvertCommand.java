package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.BulkConversion;
import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.ConversionPreview;
import dev.dkm.convert.ConversionReport;
import dev.dkm.convert.ConversionReportExport;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.convert.TokenUse;
import dev.dkm.setup.SetupOptions;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm convert ROOT…}: every HTTPS token remote under the roots to SSH with a deploy key. */
@Command(name = "convert", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = {"Convert every repository under ROOT whose remote carries a token to SSH with a deploy key.",
                "Shows the preview first; each repository ends converted, skipped or failed (and rolled back).",
                "Undo with: dkm undo RUN_ID; an interrupted run continues with --resume RUN_ID."})
final class ConvertCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "0..*", paramLabel = "ROOT", description = "Folders to scan for repositories (in each environment with"
            + " --user/--all-users; none: each one's remembered roots, else its home).")
    List<Path> roots = List.of();

    @Mixin
    EnvironmentOptions environments = new EnvironmentOptions();

    @Option(names = "--dry-run", description = "Print the preview only; change nothing.")
    boolean dryRun;

    @Option(names = "--jobs", paramLabel = "N", description = "Repositories in flight per GitLab instance (default ${DEFAULT-VALUE}).")
    int jobs = dev.dkm.app.BulkConversion.DEFAULT_JOBS;

    @Mixin
    KeyOptions keyOptions = new KeyOptions();

    @Mixin
    HostOption host = new HostOption();

    @Option(names = "--key-dir", paramLabel = "DIR", description = "Where new keys go (default ~/.ssh/dkm).")
    Path keyDir;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:…", description = "Trust this host key fingerprint if a host is unknown.")
    String acceptHostKey;

    @Option(names = "--yes", description = "Do not ask before changing anything.")
    boolean yes;

    @Option(names = "--json", description = {"Print the per-repository results (and removed tokens, redacted) as JSON; with --dry-run,",
            "the preview (docs/cli-json.md)."})
    boolean json;

    @Option(names = "--revoke-unused-tokens", description = {"Revoke the removed tokens no repository uses any more (under ROOT",
            "and the workspace roots the window remembers); never the API token dkm signs in with."})
    boolean revokeUnused;

    @Option(names = "--remove-shared", description = "Also remove a converted repository's token from a shared file "
            + "(credential store, global or included config) while other repositories still use it.")
    boolean removeShared;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = {"Continue an interrupted run with the options it was started with",
            "(same journal; done repositories count, unverified ones are verified)."})
    String resume;

    ConvertCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        if (environments.any()) {
            return convertEnvironments(out, err);
        }
        if (roots.isEmpty()) {
            err.println("dkm convert: give ROOT folders, or --user NAME / --all-users / --env-command TEMPLATE");
            return 2;
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                err.println("dkm convert: " + root + " is not a folder");
                return 2;
            }
        }
        try (AppServices services = context.services(keyDir, host.host)) {
            BulkConversion conversion = new BulkConversion(services, roots);
            List<RepoInfo> selected = BulkConversion.withTokens(conversion.scan(Progress.NONE));
            SetupOptions options = keyOptions.over(services.preferences().setupOptions());
            if (resume != null) {
                // A resume does what the run was asked to do: its journal has the options.
                options = resumed(conversion::resumeOptions, options, err);
                if (options == null) {
                    return 2;
                }
            }
            ConversionPreview preview = conversion.preview(selected, options, jobs, Progress.NONE);
            if (!json || dryRun) {
                printPreview(preview, json ? err : out);
            }
            if (dryRun) {
                if (json) {
                    out.println(ConversionReportExport.previewJson(preview));
                }
                return 0;
            }
            if (preview.ready().isEmpty() && resume == null) { // a resume still verifies and counts its earlier part
                (json ? err : out).println("Nothing to convert.");
                if (json) { // scripts always get the document: each skipped repository with its reason, no run id
                    out.println(ConversionReportExport.json(BulkConverter.notRun(preview), List.of()));
                }
                return preview.count(ConversionItem.State.PROBLEM) > 0 ? 1 : 0;
            }
            boolean interactive = System.console() != null;
            if (!yes && !(interactive && HostKeyPrompt.confirm("Convert " + preview.ready().size() + " repositories?", context))) {
                err.println(interactive ? "Nothing changed." : "dkm convert: add --yes to run without a terminal; nothing changed");
                return interactive ? 0 : 2;
            }
            Progress progress = interactive && !json ? new TerminalProgress(err, "converting", "repos") : Progress.NONE;
            BulkConversion.Result result = conversion.run(resume, preview, HostKeyPrompt.from(acceptHostKey, context, interactive),
                    jobs, options, progress, BulkConverter.Listener.NONE, removeShared);
            ConversionReport report = result.report();
            List<TokenUse> tokens = result.tokens();
            if (json) {
                out.println(ConversionReportExport.json(report, tokens));
            } else {
                printReport(report, tokens, out);
            }
            PrintWriter notes = json ? err : out;
            if (!result.shared().isEmpty()) {
                notes.println("Tokens in shared files:");
                result.shared().forEach(s -> notes.println("  " + s.message()));
                notes.flush();
            }
            if (revokeUnused) {
                for (TokenUse t : tokens) {
                    (json ? err : out).println("  " + conversion.revoke(t).message());
                }
            }
            return report.anyFailed() ? 1 : 0;
        }
    }

    private static void printPreview(ConversionPreview preview, PrintWriter out) {
        for (ConversionItem item : preview.items()) {
            out.println(line(item));
        }
        out.println(preview.summary());
        out.flush();
    }

    private static void printReport(ConversionReport report, List<TokenUse> tokens, PrintWriter out) {
        for (RepoOutcome o : report.outcomes()) {
            out.println(String.format("%-40s %-10s %s", o.displayPath(), o.outcome().id(), o.reason() == null ? "" : o.reason()));
        }
        out.println(report.summary() + " · run " + report.runId() + " (undo: dkm undo " + report.runId() + ")");
        if (!tokens.isEmpty()) {
            out.println("Tokens removed from configs:");
            tokens.forEach(t -> out.println("  " + t.describe()));
        }
        out.flush();
    }

    /**
     * {@code --user}/{@code --all-users}/{@code --env-command}: each environment's repositories converted there by its own
     * helper (keys born in that account's ~/.ssh/dkm), every GitLab call made here; one run, one journal.
     */
    private Integer convertEnvironments(PrintWriter out, PrintWriter err) throws Exception {
        if (keyDir != null || revokeUnused) {
            err.println("dkm convert: --key-dir and --revoke-unused-tokens work for this account only; leave them out with"
                    + " --user/--all-users/--env-command");
            return 2;
        }
        try (AppServices services = context.services(null, host.host)) {
            dev.dkm.app.EnvironmentConversion conversion = new dev.dkm.app.EnvironmentConversion(services, environments.specs(), roots);
            List<dev.dkm.environments.EnvironmentScan.Result> scanned = conversion.scan(Progress.NONE);
            if (environments.allUsers) {
                scanned = scanned.stream().filter(r -> r.failed() || !r.repos().isEmpty()).toList();
            }
            SetupOptions options = keyOptions.over(services.preferences().setupOptions());
            if (resume != null) {
                // A resume does what the run was asked to do: its journal has the options.
                options = resumed(conversion::resumeOptions, options, err);
                if (options == null) {
                    return 2;
                }
            }
            dev.dkm.app.EnvironmentConversion.Preview preview = conversion.preview(scanned, options, jobs, Progress.NONE);
            PrintWriter previewOut = json ? err : out;
            if (!json || dryRun) {
                for (ConversionItem item : preview.preview().items()) {
                    previewOut.println(String.format("%-12s %s", preview.environmentOf(item), line(item)));
                }
                preview.failedEnvironments().forEach((env, why) -> previewOut.println(String.format("%-12s failed   %s", env, why)));
                previewOut.println(preview.preview().summary() + (preview.failedEnvironments().isEmpty() ? ""
                        : " · " + preview.failedEnvironments().size() + " environment(s) failed"));
                previewOut.flush();
            }
            boolean envFailed = !preview.failedEnvironments().isEmpty();
            if (dryRun) {
                if (json) {
                    out.println(withEnvironments(ConversionReportExport.previewJson(preview.preview()),
                            preview.preview().items().stream().map(preview::environmentOf).toList(), preview.failedEnvironments()));
                }
                return envFailed ? 1 : 0;
            }
            if (preview.preview().ready().isEmpty() && resume == null) { // a resume still verifies and counts its earlier part
                previewOut.println("Nothing to convert.");
                if (json) { // scripts always get the document, as without environments
                    ConversionReport notRun = BulkConverter.notRun(preview.preview());
                    out.println(withEnvironments(ConversionReportExport.json(notRun, List.of()),
                            notRun.outcomes().stream().map(preview::environmentOf).toList(), preview.failedEnvironments()));
                }
                return envFailed || preview.preview().count(ConversionItem.State.PROBLEM) > 0 ? 1 : 0;
            }
            boolean interactive = System.console() != null;
            if (!yes && !(interactive && HostKeyPrompt.confirm("Convert " + preview.preview().ready().size() + " repositories?", context))) {
                err.println(interactive ? "Nothing changed." : "dkm convert: add --yes to run without a terminal; nothing changed");
                return interactive ? 0 : 2;
            }
            Progress progress = interactive && !json ? new TerminalProgress(err, "converting", "repos") : Progress.NONE;
            ConversionReport report = conversion.run(resume, preview, HostKeyPrompt.from(acceptHostKey, context, interactive),
                    jobs, options, progress, BulkConverter.Listener.NONE);
            if (json) {
                out.println(withEnvironments(ConversionReportExport.json(report, List.of()),
                        report.outcomes().stream().map(preview::environmentOf).toList(), preview.failedEnvironments()));
            } else {
                for (RepoOutcome o : report.outcomes()) {
                    out.println(String.format("%-12s %-40s %-10s %s", preview.environmentOf(o), o.displayPath(), o.outcome().id(),
                            o.reason() == null ? "" : o.reason()));
                }
                preview.failedEnvironments().forEach((env, why) -> out.println(String.format("%-12s failed: %s", env, why)));
                out.println(report.summary() + " · run " + report.runId() + " (undo: dkm undo " + report.runId() + ")");
            }
            out.flush();
            return report.anyFailed() || envFailed ? 1 : 0;
        }
    }

    /**
     * A convert document ({@link ConversionReportExport}) with each repository's environment (row by row) and the
     * environments that failed as a whole; nulls written out like every other --json document (docs/cli-json.md).
     */
    private static String withEnvironments(String json, List<String> environments, java.util.Map<String, String> failed) {
        com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        com.google.gson.JsonArray rows = doc.getAsJsonArray("repositories");
        for (int i = 0; i < rows.size() && i < environments.size(); i++) {
            rows.get(i).getAsJsonObject().addProperty("environment", environments.get(i));
        }
        com.google.gson.JsonObject failedEnvs = new com.google.gson.JsonObject();
        failed.forEach(failedEnvs::addProperty);
        doc.add("failedEnvironments", failedEnvs);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(doc);
    }

    private static String line(ConversionItem item) {
        String what = switch (item.state()) {
            case READY -> "convert  " + item.plan().projectPath() + " → " + item.plan().sshUrl()
                    + (item.plan().generateKey() ? " (new key " + item.plan().keyFile().getFileName() + ")" : " (key " + item.plan().keyFile().getFileName() + ")");
            case SKIP -> "skip     " + item.reason();
            case PROBLEM -> "problem  " + item.reason();
        };
        return String.format("%-40s %s", item.repo().relativePath(), what);
    }

    /** Where a resumed run's options are read from: its journal (this account's run, or one across environments). */
    private interface ResumeLookup {
        SetupOptions resumeOptions(String runId, SetupOptions asked) throws java.io.IOException;
    }

    /** The options run {@link #resume} was journaled with, or null after saying why (unknown run, conflicting flag). */
    private SetupOptions resumed(ResumeLookup lookup, SetupOptions asked, PrintWriter err) {
        SetupOptions recorded;
        try {
            recorded = lookup.resumeOptions(resume, asked);
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("dkm convert: " + e.getMessage());
            return null;
        }
        String conflict = keyOptions.conflictWith(recorded, resume);
        if (conflict != null) {
            err.println("dkm convert: " + conflict);
            return null;
        }
        return recorded;
    }
}
