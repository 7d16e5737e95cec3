package dev.dkm.cli;

import dev.dkm.files.PathNames;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns two spaces apart, trailing blanks trimmed, control characters in cells escaped. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    /** Cells are shown on one line each: a newline or an escape code from a folder name is printed escaped. */
    TextTable row(String... cells) {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] == null ? "-" : PathNames.visible(cells[i]);
        }
        rows.add(safe);
        return this;
    }

    @Override
    public String toString() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]).append(i == columns - 1 ? "" : " ".repeat(widths[i] - row[i].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
