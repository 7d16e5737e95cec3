package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.InstanceConnection;
import dev.dkm.tokens.RegistryLogin;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dkm deploy-token create}: a new deploy token, shown once, optionally logged in to the registry. */
@Command(name = "create", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = "Create a deploy token (default scope read_registry, expiring in one year) and show it once.")
final class DeployTokenCreateCommand implements Callable<Integer>, ManagesTokens {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HostOption host = new HostOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenOwner owner;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Token name.")
    String name;

    @Option(names = "--scopes", split = ",", paramLabel = "SCOPE", description = "Comma-separated; default read_registry. Valid: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Scopes.class)
    List<String> scopes = List.of();

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD|never", description = "Expiry date (default: one year from today).")
    String expires;

    @Option(names = "--username", paramLabel = "USER", description = "Custom user name (default gitlab+deploy-token-N).")
    String username;

    @Option(names = "--docker-login", description = "Also store the login for the registry, as docker login does.")
    boolean dockerLogin;

    @Mixin
    RegistryOptions registry = new RegistryOptions();

    @Option(names = "--json", description = "Print the result as JSON (it contains the token).")
    boolean json;

    DeployTokenCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public String managedTokens() {
        return "deploy tokens";
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DeployTokenRequest request = new DeployTokenRequest(owner.scope(), owner.path(), name, scopes,
                ExpiryOption.parse(expires, today), username);
        String problem = request.problem(today);
        if (problem != null) {
            throw new CliProblem(problem);
        }
        try (AppServices services = context.services(null, host.host)) {
            TokenManagement tokens = new TokenManagement(services);
            InstanceConnection connection = tokens.instance();
            CreatedDeployToken created = tokens.create(request, today);
            CreatedTokenOutput.print(created, json, out, err);
            if (dockerLogin) {
                RegistryLogin.Outcome login = RegistryLogin.login(registry.target(tokens, connection.settings()), created.username(), created.token());
                err.println("Logged in to " + login.target().registry() + ": " + login.describe());
                err.println("Same by hand: " + login.equivalentCommand());
                err.flush();
            }
            return 0;
        }
    }

    /** The scopes picocli lists in the help. */
    static final class Scopes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DeployTokenRequest.ALL_SCOPES.iterator();
        }
    }
}
