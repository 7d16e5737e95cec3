package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.gitlab.GitLabException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm keys PROJECT} lists a project's deploy keys; {@code dkm keys enable KEY_ID PROJECT…} enables one key on many. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = KeysCommand.Enable.class,
        description = "List the deploy keys of a GitLab project.")
final class KeysCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "group/project path or numeric id.")
    String project;

    @Option(names = "--host", paramLabel = "URL", description = "GitLab instance (default: GITLAB_HOST or https://gitlab.com).")
    String host;

    KeysCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (AppServices services = context.services(null)) {
            Optional<GitLabConnection> c = connection(services, host);
            if (c.isEmpty()) {
                context.err().println("dkm keys: no token for " + (host == null ? services.credentials().defaultHost() : host) + ": run dkm login");
                return 2;
            }
            List<DeployKey> keys = c.get().client().projectDeployKeys(project);
            PrintWriter out = context.out();
            out.println(String.format("%-6s %-10s %-12s %-50s %s", "ID", "ACCESS", "EXPIRES", "FINGERPRINT", "TITLE"));
            for (DeployKey k : keys) {
                out.println(String.format("%-6d %-10s %-12s %-50s %s", k.id(), Boolean.TRUE.equals(k.canPush()) ? "read-write" : "read-only",
                        k.expiresAt() == null ? "never" : k.expiresAt().toString().substring(0, 10), k.fingerprintSha256(), k.title()));
            }
            return 0;
        } catch (GitLabException e) {
            context.err().println("dkm keys: " + e.userMessage(project));
            return 1;
        }
    }

    static Optional<GitLabConnection> connection(AppServices services, String host) {
        return host == null ? services.connections().defaultInstance() : services.connections().forInstance(host);
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an existing deploy key on one or more projects.")
    static final class Enable implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The deploy key's id (from dkm keys PROJECT).")
        long keyId;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROJECT", description = "Projects to enable it on.")
        List<String> projects;

        @Option(names = "--read-write", description = "Grant write access (enabled keys start read-only).")
        boolean readWrite;

        @Option(names = "--host", paramLabel = "URL", description = "GitLab instance (default: GITLAB_HOST or https://gitlab.com).")
        String host;

        Enable(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            int failures = 0;
            try (AppServices services = context.services(null)) {
                Optional<GitLabConnection> c = connection(services, host);
                if (c.isEmpty()) {
                    context.err().println("dkm keys enable: no token for the instance: run dkm login");
                    return 2;
                }
                for (String project : projects) {
                    try {
                        c.get().client().enableDeployKey(project, keyId);
                        if (readWrite) {
                            c.get().client().updateDeployKey(project, keyId, null, true);
                        }
                        context.out().println(project + ": deploy key #" + keyId + " enabled" + (readWrite ? ", read-write" : ", read-only"));
                    } catch (GitLabException e) {
                        failures++;
                        context.out().println(project + ": " + e.userMessage(project));
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
