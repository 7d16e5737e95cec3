package dev.dkm.cli;

import dev.dkm.files.IoProblems;
import dev.dkm.remote.UrlRedactor;
import dev.dkm.AppVersion;
import dev.dkm.credentials.TokenStores;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.instances.ClientFactory;
import dev.dkm.instances.InstanceSelector;
import dev.dkm.settings.AppDirs;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dkm} command: subcommands are thin shells over the same use cases the window uses. */
@Command(
        name = "dkm",
        mixinStandardHelpOptions = true,
        versionProvider = DkmCli.Version.class,
        description = "Deploy Key Manager: GitLab deploy keys and tokens across many repositories.")
public final class DkmCli implements Runnable {
    /**
     * The subcommands, in the order the usage lists them. They are added in code, not in {@code @Command}, so
     * that {@link #run} can build only the one a command line names: picocli builds a command's model (all
     * its options, by reflection) when it is added, and building all fifteen cost {@code dkm scan} about a
     * tenth of a second of CPU at start-up (bench/scan-benchmark.sh).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(CommandLine.HelpCommand.class, ScanCommand.class,
            SetupCommand.class, ConvertCommand.class, RunsCommand.class, UndoCommand.class, KeysCommand.class,
            TokensCommand.class, DeployTokenCommand.class, DockerLoginCommand.class, ApiTokenCommand.class,
            LoginCommand.class, LogoutCommand.class, InstancesCommand.class, SandboxCommand.class, HelperCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and returns the exit code (the launcher exits with it). */
    public static int run(String... args) {
        return commandLine(CliContext.system(), subcommandNamed(args)).execute(args);
    }

    /**
     * The subcommand class whose name is the first argument, or null (no argument, an option such as
     * {@code --help}, {@code help}, or a name that is none of them): then the command line needs them all,
     * for the usage or for picocli's "did you mean" answer.
     */
    static Class<?> subcommandNamed(String... args) {
        if (args.length == 0 || "help".equals(args[0])) {
            return null;
        }
        for (Class<?> cls : SUBCOMMANDS) {
            if (cls.getAnnotation(Command.class).name().equals(args[0])) {
                return cls;
            }
        }
        return null;
    }

    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /** A command line whose commands see {@code env} as their environment and {@code home} as the home folder (tests). */
    public static CommandLine commandLine(Map<String, String> env, Path home) {
        return commandLine(env, home, System.in);
    }

    /** As above, reading {@code --token-stdin} from {@code stdin}. */
    public static CommandLine commandLine(Map<String, String> env, Path home, InputStream stdin) {
        return commandLine(env, home, stdin, null);
    }

    /** As above, with only the subcommand {@code only} when it is not null (what {@link #run} builds). */
    static CommandLine commandLine(Map<String, String> env, Path home, InputStream stdin, Class<?> only) {
        AppDirs dirs = AppDirs.of(env, home.toString());
        CliContext context = new CliContext(stdin, env::get, dirs, CliContext.once(() -> TokenStores.open(dirs)),
                ClientFactory.DEFAULT, Clock.systemDefaultZone(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        return commandLine(context, only);
    }

    /** The command line with its outside world (stdin, environment, directories, token store …) handed in. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /** With every subcommand, or ({@code only} not null) with that one alone (what {@link #run} builds). */
    static CommandLine commandLine(CliContext context, Class<?> only) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(new DkmCli(), factory);
        for (Class<?> cls : SUBCOMMANDS) {
            if (only == null || cls == only) {
                cli.addSubcommand(new CommandLine(cls, factory));
            }
        }
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliProblem || e instanceof InstanceSelector.NoInstanceException) {
                commandLine.getErr().println("dkm " + commandLine.getCommandName() + ": " + e.getMessage());
                commandLine.getErr().flush();
                return CliProblem.EXIT_CODE;
            }
            if (e instanceof GitLabException g) {
                commandLine.getErr().println("dkm " + commandLine.getCommandName() + ": "
                        + g.userMessage(subjectOf(parseResult, commandLine.getCommandName()), managedBy(commandLine)));
                commandLine.getErr().flush();
                return 1;
            }
            if (IoProblems.isIo(e)) {
                // a folder that cannot be written (runs/, ~/.ssh …) is a sentence, not a stack trace
                commandLine.getErr().println("dkm " + commandLine.getCommandName() + ": "
                        + UrlRedactor.redact(IoProblems.describe(e)));
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** The project or group the command was about (its --project / --group), else the command's name. */
    private static String subjectOf(CommandLine.ParseResult parseResult, String fallback) {
        CommandLine.ParseResult deepest = parseResult;
        while (deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        for (String option : new String[] {"--project", "--group"}) {
            if (deepest.hasMatchedOption(option)) {
                return deepest.matchedOptionValue(option, fallback);
            }
        }
        return fallback;
    }

    /** What a command manages, for GitLab's 404 sentence: the tokens of a {@link ManagesTokens} command, else deploy keys. */
    private static String managedBy(CommandLine command) {
        return command.getCommand() instanceof ManagesTokens t ? t.managedTokens() : "deploy keys";
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

    /** Gives every subcommand the same outside world, a {@link CliContext}: one wiring for all of them. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var constructor = cls.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
