package dev.dkm.journal;

import dev.dkm.gitconfig.GitConfigEditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Puts back the lines a run took out of a shared file ({@link JournalEntry.FileEdited}). The edits' offsets are those
 * of the file before the run, so they are undone in ascending order: each one restores the bytes before the next.
 * An untouched file comes back byte for byte; lines the user added meanwhile stay; an edit that was journaled but
 * never made (a crash in between) is recognised and skipped; a second undo changes nothing.
 */
final class SharedEditUndo {
    private SharedEditUndo() {}

    static String undo(Path file, List<JournalEntry.FileEdited> edits) throws IOException {
        byte[] before = dev.dkm.files.BoundedReader.read(file);
        String text = new String(before, StandardCharsets.ISO_8859_1);
        int restored = 0;
        List<JournalEntry.FileEdited> ascending = edits.stream()
                .sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
        for (JournalEntry.FileEdited e : ascending) {
            String removed = latin1(e.removedBase64());
            String inserted = latin1(e.insertedBase64());
            int offset = (int) Math.min(e.offset(), text.length());
            if (text.startsWith(removed, offset) && !(removed.isEmpty())
                    && (inserted.isEmpty() || !text.startsWith(inserted, offset))) {
                continue; // never made, or already undone
            }
            if (text.startsWith(inserted, offset)) {
                text = text.substring(0, offset) + removed + text.substring(offset + inserted.length());
                restored++;
                continue;
            }
            // The user changed the file meanwhile: find the edited text, or put a removed line back at its line.
            int at = inserted.isEmpty() ? -1 : text.indexOf(inserted);
            if (at >= 0) {
                text = text.substring(0, at) + removed + text.substring(at + inserted.length());
            } else if (inserted.isEmpty() && !text.contains(removed)) {
                int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
                text = text.substring(0, lineStart) + removed + text.substring(lineStart);
            } else {
                continue;
            }
            restored++;
        }
        if (restored == 0) {
            return file + ": nothing to put back";
        }
        new GitConfigEditor(file).replace(before, text.getBytes(StandardCharsets.ISO_8859_1));
        return file + ": " + restored + " edit(s) put back";
    }

    private static String latin1(String base64) {
        return new String(Base64.getDecoder().decode(base64 == null ? "" : base64), StandardCharsets.ISO_8859_1);
    }
}
