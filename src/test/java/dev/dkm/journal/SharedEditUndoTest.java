package dev.dkm.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Putting back lines a run took out of a shared file, when the user or a crash got there first. */
class SharedEditUndoTest {
    private static final String ORIGINAL = "[credential]\n\thelper = store\n[http]\n\textraHeader = PRIVATE-TOKEN: t-one\n"
            + "[url \"https://u:t-two@h/\"]\n\tinsteadOf = https://h/\n[core]\n\tautocrlf = false\n";

    @TempDir Path tmp;

    private static JournalEntry.FileEdited removal(Path file, String removed) {
        int offset = ORIGINAL.indexOf(removed);
        return new JournalEntry.FileEdited(Instant.EPOCH, file.toString(), offset, b64(removed), b64(""), "test");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String apply(String text, String... removed) {
        for (String r : removed) {
            text = text.replace(r, "");
        }
        return text;
    }

    private static final String HEADER = "\textraHeader = PRIVATE-TOKEN: t-one\n";
    private static final String RULE = "[url \"https://u:t-two@h/\"]\n\tinsteadOf = https://h/\n";

    @Test
    void anUntouchedFileComesBackByteForByteAndASecondUndoChangesNothing() throws Exception {
        Path file = Files.writeString(tmp.resolve("gitconfig"), apply(ORIGINAL, HEADER, RULE));
        List<JournalEntry.FileEdited> edits = List.of(removal(file, HEADER), removal(file, RULE));
        assertThat(SharedEditUndo.undo(file, edits)).endsWith("2 edit(s) put back");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
        assertThat(SharedEditUndo.undo(file, edits)).endsWith("nothing to put back");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }

    @Test
    void linesTheUserAddedMeanwhileStay() throws Exception {
        String edited = "# mine\n" + apply(ORIGINAL, HEADER, RULE) + "[alias]\n\tst = status\n";
        Path file = Files.writeString(tmp.resolve("gitconfig"), edited);
        SharedEditUndo.undo(file, List.of(removal(file, HEADER), removal(file, RULE)));
        String now = Files.readString(file);
        assertThat(now).startsWith("# mine\n").endsWith("[alias]\n\tst = status\n").contains(HEADER).contains(RULE);
        assertThat(now.indexOf(HEADER)).isLessThan(now.indexOf(RULE));
    }

    @Test
    void anEditJournaledButNeverMadeIsSkipped() throws Exception {
        // A crash between the journal line and the write: the file still holds the header.
        Path file = Files.writeString(tmp.resolve("gitconfig"), ORIGINAL);
        assertThat(SharedEditUndo.undo(file, List.of(removal(file, HEADER)))).endsWith("nothing to put back");
        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
    }
}
