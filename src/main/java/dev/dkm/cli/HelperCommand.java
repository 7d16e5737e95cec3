package dev.dkm.cli;

import dev.dkm.environments.HelperServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dkm helper --protocol 1}: the helper mode another environment's dkm runs in (docs/environments.md). Hidden: people
 * never type it; {@code dkm scan/convert/setup --user} start it through runuser, sudo or a command template.
 */
@Command(name = "helper", hidden = true, mixinStandardHelpOptions = true, description = "Serve the environment protocol on stdin/stdout (started by dkm itself).")
final class HelperCommand implements Callable<Integer> {
    @Option(names = "--protocol", required = true, paramLabel = "N", description = "The protocol version the caller speaks.")
    int protocol;

    HelperCommand(CliContext context) {
        // the helper takes nothing from the caller's context: its own account is its whole world
    }

    @Override
    public Integer call() throws Exception {
        // stdout carries the protocol and nothing else: anything printed by accident goes to stderr.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        if (protocol != 1) {
            System.err.println("dkm helper: this dkm speaks protocol 1, not " + protocol);
        }
        return HelperServer.forThisAccount().serve(new FileInputStream(FileDescriptor.in), protocolOut);
    }
}
