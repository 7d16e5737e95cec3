package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.tokens.ApiTokenRotation;
import dev.dkm.tokens.InstanceConnection;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dkm api-token rotate}: a new value for the API token dkm uses ($GITLAB_TOKEN), shown once. */
@Command(name = "api-token", mixinStandardHelpOptions = true, description = "The personal access token dkm uses.",
        subcommands = ApiTokenCommand.Rotate.class)
final class ApiTokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Rotate $GITLAB_TOKEN (POST /personal_access_tokens/self/rotate): GitLab revokes the old value at once.",
                "The new value is printed once; put it where GITLAB_TOKEN comes from."})
    static final class Rotate implements Callable<Integer>, ManagesTokens {
        private final CliContext context;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HostOption host = new HostOption();

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "The new expiry (default: one year from today).")
        String expires;

        Rotate(CliContext context) {
            this.context = context;
        }

        @Override
        public String managedTokens() {
            return "access tokens";
        }

        @Override
        public Integer call() {
            LocalDate expiresOn = ExpiryOption.parse(expires, LocalDate.now(ZoneOffset.UTC));
            if (expiresOn == null) {
                throw new CliProblem("GitLab's rotate needs an expiry date");
            }
            ApiTokenRotation.Result result;
            try (AppServices services = context.services(null, host.host)) {
                InstanceConnection connection = services.connections().forCommand();
                // TODO(credentials): store through the credential store once it is on this branch; until then the
                // token lives in the user's environment, which dkm cannot change, so the sink refuses and we print it.
                result = new ApiTokenRotation(connection).rotate(expiresOn, token -> {
                    throw new UnsupportedOperationException("the token comes from $GITLAB_TOKEN, which dkm cannot change");
                });
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            out.println("Rotated \"" + result.name() + "\", expires " + result.expiresOn());
            out.println("token: " + result.newToken().reveal());
            out.flush();
            err.println("warning: the old token no longer works; set GITLAB_TOKEN to the new one. GitLab will not show it again.");
            err.flush();
            return 0;
        }
    }
}
