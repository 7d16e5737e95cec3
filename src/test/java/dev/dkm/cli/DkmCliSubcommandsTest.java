package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link DkmCli#run} builds only the subcommand its first argument names (picocli's model of all fifteen cost
 * {@code dkm scan} a fifth of a second of start-up): that command line must answer as the full one does.
 */
class DkmCliSubcommandsTest {
    @TempDir
    Path home;

    @Test
    void every_subcommand_is_found_by_its_name_and_its_help_is_the_full_command_lines() {
        CommandLine full = cli(null);
        assertThat(full.getSubcommands().keySet()).hasSize(DkmCli.SUBCOMMANDS.size());
        for (String name : full.getSubcommands().keySet()) {
            if (name.equals("help")) {
                assertThat(DkmCli.subcommandNamed(name)).isNull(); // help needs them all
                continue;
            }
            Class<?> only = DkmCli.subcommandNamed(name, "--help");
            assertThat(only).as(name).isNotNull();
            CommandLine lazy = cli(only);
            assertThat(lazy.getSubcommands().keySet()).containsExactly(name);
            String help = run(lazy, name, "--help");
            assertThat(help).as(name).isEqualTo(run(cli(null), name, "--help"));
            if (!lazy.getSubcommands().get(name).getCommandSpec().usageMessage().hidden()) {
                assertThat(help).as(name).startsWith("Usage: dkm " + name); // (dkm helper has no --help)
            }
        }
    }

    @Test
    void no_argument_an_option_help_or_a_misspelt_name_gets_every_subcommand() {
        assertThat(DkmCli.subcommandNamed()).isNull();
        assertThat(DkmCli.subcommandNamed("--version")).isNull();
        assertThat(DkmCli.subcommandNamed("help", "scan")).isNull();
        assertThat(DkmCli.subcommandNamed("scna", "/tmp")).isNull();
        // so the usage lists them all, and a misspelt name gets picocli's suggestion
        assertThat(run(cli(DkmCli.subcommandNamed()))).contains("scan", "convert", "sandbox");
        StringWriter err = new StringWriter();
        CommandLine misspelt = cli(DkmCli.subcommandNamed("scna"));
        misspelt.setErr(new PrintWriter(err));
        assertThat(misspelt.execute("scna")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: dkm scan?");
    }

    private CommandLine cli(Class<?> only) {
        return DkmCli.commandLine(Map.of("HOME", home.toString()), home, new ByteArrayInputStream(new byte[0]), only);
    }

    private static String run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.execute(args);
        return out.toString();
    }
}
