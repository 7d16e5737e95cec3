package dev.dkm.cli;

import dev.dkm.tokens.InstanceConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dkm deploy-token revoke (--project P | --group G) TOKEN_ID}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER, description = "Revoke (delete) a deploy token.")
final class DeployTokenRevokeCommand implements Callable<Integer>, ManagesTokens {
    private final CliEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GitLabAccess access = new GitLabAccess();

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenOwner owner;

    @Parameters(paramLabel = "TOKEN_ID", description = "The deploy token's id (see dkm tokens --json).")
    long tokenId;

    DeployTokenRevokeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public String managedTokens() {
        return "deploy tokens";
    }

    @Override
    public Integer call() {
        InstanceConnection connection = access.connect(env);
        try {
            connection.client().deleteDeployToken(owner.scope(), owner.path(), tokenId);
        } finally {
            connection.client().close();
        }
        spec.commandLine().getOut().println("Revoked deploy token " + tokenId + " of " + owner.describe() + ".");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
