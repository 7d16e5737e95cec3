package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.gitlab.GitLabConnections.GitLabConnection;
import dev.dkm.deploykeys.KeyManagementException;
import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.deploykeys.ProjectDeployKeys.ProjectKey;
import dev.dkm.deploykeys.ProjectDeployKeys.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dkm keys PROJECT} lists a project's deploy keys; {@code enable KEY_ID PROJECT…} enables one key on many;
 * {@code update KEY_ID PROJECT --read-only|--read-write} and {@code remove KEY_ID PROJECT} change one. The same
 * {@link ProjectDeployKeys} use case as the details pane's "Deploy keys on GitLab" section.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        subcommands = {KeysCommand.Enable.class, KeysCommand.Update.class, KeysCommand.Remove.class},
        description = "List the deploy keys of a GitLab project.")
final class KeysCommand implements Callable<Integer> {
    private final CliContext context;

    // Optional for picocli, or "dkm keys enable …" would be read as a missing PROJECT before the subcommand.
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "group/project path or numeric id.")
    String project;

    @Mixin
    HostOption host = new HostOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    KeysCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PROJECT'");
        }
        try (AppServices services = context.services(null, host.host)) {
            GitLabConnection c = connection(services);
            List<ProjectKey> keys = new ProjectDeployKeys(services.connections()).list(ProjectDeployKeys.target(c, project)).keys();
            PrintWriter out = context.out();
            out.println(String.format("%-6s %-10s %-12s %-50s %s", "ID", "ACCESS", "EXPIRES", "FINGERPRINT", "TITLE"));
            for (ProjectKey k : keys) {
                out.println(String.format("%-6d %-10s %-12s %-50s %s", k.id(), k.readWrite() ? "read-write" : "read-only",
                        k.key().expiresAt() == null ? "never" : k.key().expiresAt().toString().substring(0, 10),
                        k.key().fingerprintSha256(), k.key().title()));
            }
            return 0;
        } catch (KeyManagementException e) {
            context.err().println("dkm keys: " + e.getMessage());
            return 1;
        }
    }

    /** The instance of a command without a repository, by the one rule; no instance or no token ends the command. */
    static GitLabConnection connection(AppServices services) {
        return services.connections().commandConnection();
    }

    /** The options every key-changing subcommand shares, and the loop over its projects. */
    abstract static class KeyChange implements Callable<Integer> {
        final CliContext context;

        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The deploy key's id (from dkm keys PROJECT).")
        long keyId;

        @Mixin
        HostOption host = new HostOption();

        KeyChange(CliContext context) {
            this.context = context;
        }

        abstract String name();

        abstract List<String> projects();

        /** Changes the key on one project and returns what to print. */
        abstract String change(ProjectDeployKeys keys, Target target) throws KeyManagementException;

        @Override
        public Integer call() {
            int failures = 0;
            try (AppServices services = context.services(null, host.host)) {
                GitLabConnection c = connection(services);
                ProjectDeployKeys keys = new ProjectDeployKeys(services.connections());
                for (String project : projects()) {
                    try {
                        context.out().println(project + ": " + change(keys, ProjectDeployKeys.target(c, project)));
                    } catch (KeyManagementException e) {
                        failures++;
                        context.out().println(project + ": " + e.getMessage());
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an existing deploy key on one or more projects.")
    static final class Enable extends KeyChange {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROJECT", description = "Projects to enable it on.")
        List<String> projects;

        @Option(names = "--read-write", description = "Grant write access (enabled keys start read-only).")
        boolean readWrite;

        Enable(CliContext context) {
            super(context);
        }

        @Override
        String name() {
            return "enable";
        }

        @Override
        List<String> projects() {
            return projects;
        }

        @Override
        String change(ProjectDeployKeys keys, Target target) throws KeyManagementException {
            ProjectKey k = keys.enable(target, keyId, readWrite);
            return "deploy key #" + k.id() + " enabled" + (k.readWrite() ? ", read-write" : ", read-only");
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Make a project's deploy key read-only or read-write.")
    static final class Update extends KeyChange {
        @Parameters(index = "1", paramLabel = "PROJECT", description = "group/project path or numeric id.")
        String project;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Access access;

        static final class Access {
            @Option(names = "--read-only", required = true, description = "Take write access away (git push is refused).")
            boolean readOnly;

            @Option(names = "--read-write", required = true, description = "Allow git push with the key.")
            boolean readWrite;
        }

        Update(CliContext context) {
            super(context);
        }

        @Override
        String name() {
            return "update";
        }

        @Override
        List<String> projects() {
            return List.of(project);
        }

        @Override
        String change(ProjectDeployKeys keys, Target target) throws KeyManagementException {
            return ProjectDeployKeys.accessChanged(target, keys.setCanPush(target, keyId, access.readWrite));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a deploy key from a project (GitLab deletes it when no other project uses it).")
    static final class Remove extends KeyChange {
        @Parameters(index = "1", paramLabel = "PROJECT", description = "group/project path or numeric id.")
        String project;

        Remove(CliContext context) {
            super(context);
        }

        @Override
        String name() {
            return "remove";
        }

        @Override
        List<String> projects() {
            return List.of(project);
        }

        @Override
        String change(ProjectDeployKeys keys, Target target) throws KeyManagementException {
            keys.remove(target, keyId);
            return "deploy key #" + keyId + " removed; repositories wired to it can no longer push to or fetch from "
                    + target.projectPath() + " with it.";
        }
    }
}
