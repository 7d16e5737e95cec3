package dev.dkm.cli;

import dev.dkm.credentials.TokenStorageException;
import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.instances.InstanceLogin;
import dev.dkm.instances.LoginResult;
import dev.dkm.remote.Secret;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true, description = "Check a GitLab token and store it (OS keyring, or a 0600 file when there is none).")
final class LoginCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Instance URL, e.g. https://gitlab.example.com (default: $GITLAB_HOST or gitlab.com)")
    String host;

    @Option(names = "--token-stdin", description = "Read the token from standard input instead of prompting.")
    boolean tokenStdin;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "CA certificates (PEM) to trust for this instance, in addition to the system's.")
    Path caFile;

    private final CliContext context;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        String url = host != null ? host : context.credentials().defaultHost();
        Secret token = readToken(err);
        if (token == null || token.isEmpty()) {
            err.println("No token given. Pipe it in with --token-stdin, or run in a terminal to be prompted.");
            return 2;
        }
        InstanceLogin login = new InstanceLogin(context.settings(), context.tokenStore().get(), context.clients(), context.clock());
        LoginResult result;
        try {
            result = login.login(url, token, caFile);
        } catch (GitLabException e) {
            err.println(e.userMessage(url));
            return 1;
        } catch (TokenStorageException e) {
            err.println("The token is valid but could not be stored: " + e.getMessage());
            return 1;
        }
        out.println("Logged in to " + result.instanceUrl() + " as " + who(result));
        out.println("GitLab " + result.gitlabVersion());
        out.println("Token " + result.tokenRedacted() + describe(result.tokenInfo()));
        result.warnings().forEach(w -> out.println("Warning: " + w));
        out.println("Token stored in " + result.storedIn());
        return 0;
    }

    private Secret readToken(PrintWriter err) throws IOException {
        if (tokenStdin) {
            return Secret.of(new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("GitLab token (input hidden): ");
        return typed == null ? null : Secret.of(new String(typed).strip());
    }

    private static String who(LoginResult r) {
        String name = r.user().name() == null ? "" : " (" + r.user().name() + ")";
        return "@" + r.user().username() + name;
    }

    private static String describe(AccessToken t) {
        if (t == null) {
            return "";
        }
        String scopes = t.scopes() == null ? "none" : String.join(", ", t.scopes());
        String expiry = t.expiresAt() == null ? "never expires" : "expires " + t.expiresAt();
        return " \"" + t.name() + "\": scopes " + scopes + "; " + expiry;
    }
}
