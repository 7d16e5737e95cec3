package dev.dkm.cli;

import dev.dkm.AppVersion;
import dev.dkm.gitlab.GitLabException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dkm} command: subcommands are thin shells over the same use cases the window uses. */
@Command(
        name = "dkm",
        mixinStandardHelpOptions = true,
        versionProvider = DkmCli.Version.class,
        description = "Deploy Key Manager: GitLab deploy keys and tokens across many repositories.",
        subcommands = {CommandLine.HelpCommand.class, ScanCommand.class, SandboxCommand.class, TokensCommand.class,
                DeployTokenCommand.class, DockerLoginCommand.class, ApiTokenCommand.class})
public final class DkmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and returns the exit code (the launcher exits with it). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** A command line whose commands see {@code env} as their environment and {@code home} as the home folder (tests). */
    public static CommandLine commandLine(Map<String, String> env, Path home) {
        return commandLine(env, home, System.in);
    }

    /** As above, reading {@code --token-stdin} from {@code stdin}. */
    public static CommandLine commandLine(Map<String, String> env, Path home, InputStream stdin) {
        CliEnvironment environment = new CliEnvironment(env, home, stdin);
        CommandLine cli = new CommandLine(new DkmCli(), new EnvironmentFactory(environment));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliProblem) {
                commandLine.getErr().println("dkm " + commandLine.getCommandName() + ": " + e.getMessage());
                commandLine.getErr().flush();
                return CliProblem.EXIT_CODE;
            }
            if (e instanceof GitLabException g) {
                commandLine.getErr().println("dkm " + commandLine.getCommandName() + ": " + g.userMessage(commandLine.getCommandName()));
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** Gives commands that take a {@link CliEnvironment} in their constructor the one of this command line. */
    private record EnvironmentFactory(CliEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(CliEnvironment.class);
                constructor.setAccessible(true);
                return constructor.newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dkm " + AppVersion.version()};
        }
    }
}
