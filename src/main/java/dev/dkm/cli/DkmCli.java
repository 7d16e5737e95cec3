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
        subcommands = {CommandLine.HelpCommand.class, ScanCommand.class, SandboxCommand.class})
public final class DkmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and returns the exit code (the launcher exits with it). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new DkmCli());
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
