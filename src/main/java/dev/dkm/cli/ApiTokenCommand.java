package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.CredentialResolver;
import dev.dkm.credentials.TokenStore;
import dev.dkm.credentials.TokenStores;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
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

/** {@code dkm api-token rotate}: a new value for the API token dkm uses, put where the old one came from. */
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
            description = {"Rotate the API token (POST /personal_access_tokens/self/rotate): GitLab revokes the old value at once.",
                "A token from dkm login is replaced where it is stored (keyring or 0600 file); dkm checks first that it can",
                "store it. A token from $GITLAB_TOKEN is printed once: put it where GITLAB_TOKEN comes from.",
                "Exit 0: rotated and stored (or printed); 1: GitLab refused, nothing changed, or the new token could not be stored."})
    static final class Rotate implements Callable<Integer>, ManagesTokens {
        private final CliContext context;

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
            PrintWriter out = context.out();
            PrintWriter err = context.err();
            LocalDate expiresOn = ExpiryOption.parse(expires, LocalDate.now(context.clock().withZone(ZoneOffset.UTC)));
            if (expiresOn == null) {
                throw new CliProblem("GitLab's rotate needs an expiry date");
            }
            try (AppServices services = context.services(null, host.host)) {
                InstanceConnection connection = services.connections().forCommand();
                return rotate(services.credentials(), connection, expiresOn, out, err);
            }
        }

        private int rotate(CredentialResolver credentials, InstanceConnection connection, LocalDate expiresOn, PrintWriter out,
                PrintWriter err) {
            String url = connection.settings().baseUrl();
            boolean fromEnv = credentials.hasEnvironmentToken() && url.equals(credentials.defaultHost());
            TokenStore store = fromEnv ? null : credentials.store();
            Secret token = credentials.tokenFor(url).map(CredentialResolver.ResolvedToken::token).orElseThrow();
            ApiTokenRotation.TokenSink sink = store == null ? newToken -> { } : new ApiTokenRotation.TokenSink() {
                @Override
                public void check() {
                    store.store(url, token); // a real write of what is there already: the keyring answers, the file is writable
                }

                @Override
                public void replace(Secret newToken) {
                    store.store(url, newToken);
                }
            };
            ApiTokenRotation.Result result;
            try {
                result = new ApiTokenRotation(connection).rotate(expiresOn, sink);
            } catch (GitLabException e) {
                err.println("dkm api-token rotate: " + e.userMessage(url) + " (nothing rotated)");
                return 1;
            } catch (ApiTokenRotation.SinkUnavailableException e) {
                err.println("dkm api-token rotate: " + e.getMessage());
                return 1;
            }
            out.println("Rotated \"" + result.name() + "\" on " + url + ", expires " + result.expiresOn());
            if (store == null) {
                out.println("token: " + result.newToken().reveal());
                err.println("The old token no longer works: set GITLAB_TOKEN to the new one. GitLab will not show it again.");
            } else if (result.stored()) {
                out.println("New token " + result.newToken().redacted() + " stored in " + store.storageDescription());
            } else {
                return rescue(url, store, result, out, err);
            }
            if (result.problem() != null) {
                err.println("dkm api-token rotate: " + result.problem());
                return 1;
            }
            return 0;
        }

        /**
         * GitLab has revoked the old token and the store refused the new one: this value is the only copy. Put it in
         * the 0600 file (dkm reads it next time, even with a keyring) or, failing that, show it once.
         */
        private int rescue(String url, TokenStore store, ApiTokenRotation.Result result, PrintWriter out, PrintWriter err) {
            err.println("dkm api-token rotate: the old token is revoked and the new one " + result.problem());
            if (store.isKeyring()) {
                TokenStore file = TokenStores.fileStore(context.dirs(), "the keyring refused the rotated token");
                try {
                    file.store(url, result.newToken());
                    err.println("dkm api-token rotate: saved it in " + file.storageDescription() + " instead");
                    return 1;
                } catch (RuntimeException e) {
                    err.println("dkm api-token rotate: and not in " + file.storageDescription() + " either: " + e.getMessage());
                }
            }
            out.println("token: " + result.newToken().reveal());
            err.println("This is the only copy: store it with dkm login --token-stdin --host " + url);
            return 1;
        }
    }
}
