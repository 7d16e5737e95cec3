package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dkm runs}: the journaled runs, newest first, with what each did. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List setup and conversion runs (undo one with dkm undo RUN_ID).")
final class RunsCommand implements Callable<Integer> {
    private final CliContext context;

    RunsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        try (AppServices services = context.services(null)) {
            List<String> runs = RunJournal.list(services.runsDir());
            if (runs.isEmpty()) {
                out.println("No runs yet.");
                return 0;
            }
            for (String id : runs) {
                List<JournalEntry> entries = RunJournal.read(RunJournal.fileOf(services.runsDir(), id));
                String what = entries.stream().filter(e -> e instanceof JournalEntry.RunStarted)
                        .map(e -> ((JournalEntry.RunStarted) e).description()).findFirst().orElse("");
                String state = "interrupted (resume or undo it)";
                for (JournalEntry e : entries) {
                    if (e instanceof JournalEntry.RunFinished f) {
                        state = f.summary();
                    } else if (e instanceof JournalEntry.RunUndone u) {
                        state = u.summary();
                    }
                }
                out.println(String.format("%-22s %-40s %s", id, state, what));
            }
            return 0;
        }
    }
}
