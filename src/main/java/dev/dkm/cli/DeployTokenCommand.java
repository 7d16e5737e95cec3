package dev.dkm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dkm deploy-token create|revoke|rotate}. */
@Command(name = "deploy-token", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = "Create, revoke and rotate GitLab deploy tokens.",
        subcommands = {DeployTokenCreateCommand.class, DeployTokenRevokeCommand.class, DeployTokenRotateCommand.class})
final class DeployTokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
