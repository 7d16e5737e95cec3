package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dkm runs}: the journaled runs, newest first, with what each did. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = {"List setup and conversion runs (undo one with dkm undo RUN_ID).",
        "Journals hold what undo needs (the config lines a run removed, which may carry the token it took out) and are",
        "pruned automatically after the \"keep runs\" preference (30 days by default), or now with --prune."})
final class RunsCommand implements Callable<Integer> {
    private final CliContext context;

    @picocli.CommandLine.Option(names = "--prune", description = "Delete the journals of older runs (they can no longer be undone).")
    boolean prune;

    @picocli.CommandLine.Option(names = "--older-than", paramLabel = "AGE", description = "With --prune: runs older than this,"
            + " e.g. 30d, 12h or 0d for all (default: the keep-runs preference, 30d unless changed).")
    String olderThan;

    RunsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        try (AppServices services = context.services(null)) {
            if (prune) {
                java.time.Duration age;
                try {
                    int keep = services.settings().runRetentionDays();
                    age = olderThan == null ? java.time.Duration.ofDays(keep > 0 ? keep : 30) : age(olderThan);
                } catch (IllegalArgumentException e) {
                    context.err().println("dkm runs: " + e.getMessage());
                    return 2;
                }
                List<String> pruned = dev.dkm.app.RunRetention.prune(services, age);
                out.println(pruned.isEmpty() ? "No run older than " + age.toDays() + " days." : "Pruned " + pruned.size() + " run(s): "
                        + String.join(", ", pruned));
                return 0;
            }
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

    /** {@code 30d}, {@code 12h}, {@code 45m}. */
    static java.time.Duration age(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([dhm])").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--older-than wants a number of days, hours or minutes such as 30d, 12h, 45m;"
                    + " not \"" + text + "\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> java.time.Duration.ofDays(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofMinutes(n);
        };
    }
}
