package dev.dkm.cli;

import dev.dkm.AppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dkm} command: subcommands are thin shells over the same use cases the window uses. */
@Command(
        name = "dkm",
        mixinStandardHelpOptions = true,
        versionProvider = DkmCli.Version.class,
        description = "Deploy Key Manager: GitLab deploy keys and tokens across many repositories.",
        subcommands = {CommandLine.HelpCommand.class, ScanCommand.class, SetupCommand.class, ConvertCommand.class,
                RunsCommand.class, UndoCommand.class, KeysCommand.class, LoginCommand.class, LogoutCommand.class,
                InstancesCommand.class, SandboxCommand.class})
public final class DkmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and returns the exit code (the launcher exits with it). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /** The command line with its outside world (stdin, environment, directories, token store …) handed in. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new DkmCli(), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        return cli;
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

    /** Gives subcommands that take a {@link CliContext} their context; everything else the default way. */
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
