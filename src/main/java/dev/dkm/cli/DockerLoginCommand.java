package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.app.TokenManagement;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.tokens.RegistryLogin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dkm docker-login}: stores a registry login from a deploy token read on stdin, as docker login would. */
@Command(name = "docker-login", mixinStandardHelpOptions = true,
        description = {"Log docker (or podman) in to a GitLab container registry with a deploy token read from stdin.",
            "Uses the credential helper named in the config file when there is one, never plain text then."})
final class DockerLoginCommand implements Callable<Integer>, ManagesTokens {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HostOption host = new HostOption();

    @Option(names = "--project", paramLabel = "PROJECT", description = "The project whose images you pull (shown in the hint).")
    String project;

    @Option(names = "--username", required = true, paramLabel = "USER", description = "The deploy token's user name.")
    String username;

    @Option(names = "--token-stdin", required = true, description = "Read the token from stdin (the only way: never as an argument).")
    boolean tokenStdin;

    @Mixin
    RegistryOptions registry = new RegistryOptions();

    DockerLoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public String managedTokens() {
        return "deploy tokens";
    }

    @Override
    public Integer call() throws IOException {
        String token = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new CliProblem("no token on stdin");
        }
        RegistryLogin.Outcome login;
        try (AppServices services = context.services(null, host.host)) {
            // The registry of the instance of the rule (no API call, so no API token needed).
            InstanceSettings instance = registry.registry != null ? null : services.instances().forCommand().instance();
            login = RegistryLogin.login(registry.target(new TokenManagement(services), instance), username, Secret.of(token));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Logged in to " + login.target().registry() + " as " + username + ": " + login.describe());
        out.println("Same by hand: " + login.equivalentCommand());
        if (project != null) {
            out.println("Pull with: " + login.target().tool() + " pull " + login.target().registry() + "/" + project + ":TAG");
        }
        out.flush();
        return 0;
    }
}
