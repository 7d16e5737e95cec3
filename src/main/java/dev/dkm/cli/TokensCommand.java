package dev.dkm.cli;

import dev.dkm.task.Progress;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialCollector;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialSummary;
import dev.dkm.tokens.InstanceConnection;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.workspace.GlobalGitConfig;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm tokens [ROOT…]}: every credential in sight and when it expires, as a table, JSON or an export file. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"Show every deploy token, deploy key and access token in sight of the repositories under ROOT",
            "folders (and your own tokens), with expiry and the repositories that use each. Token: $GITLAB_TOKEN."})
final class TokensCommand implements Callable<Integer>, ManagesTokens {
    private final CliEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GitLabAccess access = new GitLabAccess();

    @Parameters(arity = "0..*", paramLabel = "ROOT", description = "Workspace folders to scan (default: the workspace roots in the settings).")
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

    TokensCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public String managedTokens() {
        return "tokens";
    }

    @Override
    public Integer call() throws IOException {
        CredentialExport.Format format = exportFormat();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = SettingsStore.at(AppDirs.of(env.env(), env.home().toString())).load();
        List<Path> scanRoots = roots.isEmpty() ? settings.workspaceRoots() : roots;
        for (Path root : scanRoots) {
            if (!Files.isDirectory(root)) {
                throw new CliProblem(root + " is not a folder");
            }
        }
        List<RepoInfo> repos = new WorkspaceScanner(ScanOptions.defaults(), GlobalGitConfig.forUser(env.home()), env.home())
                .scan(scanRoots, Progress.NONE);
        CollectionResult result;
        InstanceConnection connection = access.connect(env);
        try {
            result = new CredentialCollector(inspectUrlTokens).collect(repos, List.of(connection), Progress.NONE);
        } finally {
            connection.client().close();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CredentialItem> items = within == null ? result.items() : CredentialSummary.expiringWithin(result.items(), within, today);
        CredentialExport exporter = new CredentialExport(today, Instant.now(), settings.expiryThresholdDays());
        if (format != null) {
            Files.writeString(output, exporter.render(format, items));
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
