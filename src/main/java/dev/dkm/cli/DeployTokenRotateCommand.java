package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.InstanceConnection;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.tokens.RotationResult;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm deploy-token rotate}: new token, registry login moved over, checked, old token revoked; all or nothing. */
@Command(name = "rotate", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = {"Replace a deploy token with a new one (same name and scopes): create it, update the registry login",
            "that used the old one, check the registry accepts it, revoke the old one. Any failure rolls back."})
final class DeployTokenRotateCommand implements Callable<Integer>, ManagesTokens {
    static final int EXIT_ROLLED_BACK = 1;
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HostOption host = new HostOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenOwner owner;

    @Parameters(paramLabel = "TOKEN_ID", description = "The deploy token to replace.")
    long tokenId;

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD|never", description = "The new token's expiry (default: one year from today).")
    String expires;

    @Option(names = "--docker-login", description = "Write the registry login even if the config file does not show the old token's user.")
    boolean dockerLogin;

    @Mixin
    RegistryOptions registry = new RegistryOptions();

    @Option(names = "--json", description = "Print the new token as JSON (it contains the token).")
    boolean json;

    DeployTokenRotateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public String managedTokens() {
        return "deploy tokens";
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expiresOn = ExpiryOption.parse(expires, today);
        RotationResult result;
        try (AppServices services = context.services(null, host.host)) {
            TokenManagement tokens = new TokenManagement(services);
            InstanceConnection connection = tokens.instance();
            RegistryTarget target = dockerLogin || registry.registry != null || connection.settings().registryHost() != null
                    ? registry.target(tokens, connection.settings()) : null;
            DeployTokenRotation rotation = tokens.rotation(connection.baseUrl(), step -> {
                err.println("  " + step);
                err.flush();
            });
            result = rotation.rotate(owner.scope(), owner.path(), tokenId,
                    new DeployTokenRotation.Options(expiresOn, target, dockerLogin, null), today);
        }
        if (!result.succeeded()) {
            err.println("dkm deploy-token rotate: rolled back; the old token " + tokenId + " still works.");
            err.flush();
            return EXIT_ROLLED_BACK;
        }
        CreatedTokenOutput.print(result.newToken(), json, out, err);
        if (result.login() != null) {
            err.println("Same by hand: " + result.login().equivalentCommand());
            err.flush();
        }
        return 0;
    }
}
