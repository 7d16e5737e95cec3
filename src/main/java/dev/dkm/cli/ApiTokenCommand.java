package dev.dkm.cli;

import dev.dkm.credentials.TokenStore;
import dev.dkm.credentials.TokenStores;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.tokens.ApiTokenRotation;
import dev.dkm.tokens.InstanceConnection;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

        @Option(names = "--host", paramLabel = "URL", description = "GitLab instance (default: $GITLAB_HOST, else the only one configured).")
        String host;

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
            InstanceSettings instance = instance();
            String url = instance.baseUrl();
            String fromEnv = env("GITLAB_TOKEN");
            TokenStore store = fromEnv == null ? context.tokenStore().get() : null;
            Secret token = fromEnv != null ? Secret.of(fromEnv) : store.read(url).orElse(null);
            if (token == null) {
                err.println("dkm api-token rotate: no API token for " + url + ": run dkm login --host " + url + " or set GITLAB_TOKEN");
                return 1;
            }
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
            try (var client = context.clients().open(instance, token)) {
                result = new ApiTokenRotation(new InstanceConnection(instance, client, t -> context.clients().open(instance, t)))
                        .rotate(expiresOn, sink);
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

        private InstanceSettings instance() {
            Settings settings = context.settings().load();
            String url = host != null ? host : env("GITLAB_HOST");
            if (url == null) {
                List<InstanceSettings> configured = settings.instances();
                if (configured.size() == 1) {
                    return configured.get(0);
                }
                throw new CliProblem("which GitLab? pass --host URL or set GITLAB_HOST");
            }
            return settings.instance(url).orElseGet(() -> InstanceSettings.of(url));
        }

        private String env(String name) {
            String v = context.env().apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
