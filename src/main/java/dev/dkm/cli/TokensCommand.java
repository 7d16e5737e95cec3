package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import java.nio.charset.StandardCharsets;
import dev.dkm.task.Progress;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm tokens [ROOT…]}: every credential in sight and when it expires, as a table, JSON or an export file. */
@Command(name = "tokens", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = {"Show every deploy token, deploy key and access token in sight of the repositories under ROOT",
            "folders (and your own tokens), with expiry and the repositories that use each."})
final class TokensCommand implements Callable<Integer>, ManagesTokens {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "URL", description = "Also collect from this GitLab instance (default: every "
            + "configured instance with a token, and $GITLAB_HOST's).")
    String host;

    @Parameters(arity = "0..*", paramLabel = "ROOT", description = "Workspace folders to scan (default: the window's workspace roots).")
    List<Path> roots = List.of();

    @Option(names = "--json", description = "Print a JSON array (tokens only ever redacted).")
    boolean json;

    @Option(names = "--within", paramLabel = "DAYS", description = "Only credentials that expire within DAYS days (expired ones included).")
    Integer within;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Write csv, json or ics (a calendar with reminders) to --output.")
    String export;

    @Option(names = "--output", paramLabel = "FILE", description = "Where --export writes.")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Under a note that stands for several projects or groups, list them.")
    boolean verbose;

    @Option(names = "--inspect-url-tokens", description = {"Send each access token found in a remote to its GitLab once",
        "(GET /personal_access_tokens/self with that token) to learn its name and expiry."})
    boolean inspectUrlTokens;

    TokensCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public String managedTokens() {
        return "tokens";
    }

    @Override
    public Integer call() throws IOException {
        CredentialExport.Format format = exportFormat();
        List<Integer> exportThresholds;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CollectionResult result;
        try (AppServices services = context.services(null, host)) {
            TokenManagement tokens = new TokenManagement(services);
            List<Path> scanRoots = tokens.roots(roots);
            for (Path root : scanRoots) {
                if (!Files.isDirectory(root)) {
                    throw new CliProblem(root + " is not a folder");
                }
            }
            if (host != null || services.tokenConnections().isEmpty()) {
                services.connections().forCommand(); // fails with the sentence that says which instance has no token
            }
            result = tokens.collect(tokens.scan(scanRoots, Progress.NONE), inspectUrlTokens, Progress.NONE);
            exportThresholds = services.settings().expiryThresholdDays();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CredentialItem> items = within == null ? result.items() : CredentialSummary.expiringWithin(result.items(), within, today);
        CredentialExport exporter = new CredentialExport(today, Instant.now(), exportThresholds);
        if (format != null) {
            AtomicFiles.write(output, exporter.render(format, items).getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PUBLIC);
            err.println("dkm tokens: wrote " + items.size() + " credentials to " + output);
        }
        if (json) {
            out.print(exporter.render(CredentialExport.Format.JSON, items));
        } else if (format == null) {
            out.println(CredentialSummary.line(items, today));
            out.print(TokenTable.write(items, today));
        }
        (verbose ? result.notesWithPlaces() : result.notes()).forEach(n -> err.println(n.startsWith("  - ") ? n : "note: " + n));
        out.flush();
        err.flush();
        return 0;
    }

    private CredentialExport.Format exportFormat() {
        if (export == null) {
            if (output != null) {
                throw new CliProblem("--output needs --export csv|json|ics");
            }
            return null;
        }
        if (output == null) {
            throw new CliProblem("--export needs --output FILE");
        }
        try {
            return CredentialExport.Format.parse(export);
        } catch (IllegalArgumentException e) {
            throw new CliProblem(e.getMessage());
        }
    }
}
