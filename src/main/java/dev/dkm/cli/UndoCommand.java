package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.journal.UndoReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dkm undo RUN_ID}: configs back byte for byte, the run's deploy keys removed. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Undo a run: restore every config it changed byte for byte and remove the deploy keys it added.")
final class UndoCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "A run id from dkm runs.")
    String runId;

    UndoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (AppServices services = context.services(null)) {
            UndoReport report = services.undo().undo(runId);
            report.lines().forEach(context.out()::println);
            context.out().println(report.complete() ? "Run " + runId + " undone." : "Run " + runId + " partly undone: see above.");
            return report.complete() ? 0 : 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            context.err().println("dkm undo: " + e.getMessage());
            return 2;
        }
    }
}
