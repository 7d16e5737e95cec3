package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dkm deploy-token revoke (--project P | --group G) TOKEN_ID}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER, description = "Revoke (delete) a deploy token.")
final class DeployTokenRevokeCommand implements Callable<Integer>, ManagesTokens {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HostOption host = new HostOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenOwner owner;

    @Parameters(paramLabel = "TOKEN_ID", description = "The deploy token's id (see dkm tokens --json).")
    long tokenId;

    DeployTokenRevokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public String managedTokens() {
        return "deploy tokens";
    }

    @Override
    public Integer call() {
        try (AppServices services = context.services(null, host.host)) {
            String done = new TokenManagement(services).revoke(owner.scope(), owner.path(), tokenId);
            spec.commandLine().getOut().println(done);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
