package dev.dkm.journal;

import java.util.List;

/** What an undo did, one line per repository or key, and whether everything could be undone. */
public record UndoReport(String runId, List<String> lines, boolean complete) {
    public UndoReport {
        lines = List.copyOf(lines);
    }
}
