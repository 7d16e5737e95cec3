package dev.dkm.journal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's write-ahead journal: one JSON object per line, appended and forced to disk before the change it
 * announces. A line torn by a crash mid-write is ignored when reading (it announced nothing that happened).
 * The file is 0600: it holds original configs, which may contain the very tokens being removed.
 */
public final class RunJournal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private RunJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating if needed) the journal of {@code runId} in {@code runsDir} for appending. */
    public static RunJournal open(Path runsDir, String runId) throws IOException {
        AtomicFiles.createPrivateDirectories(runsDir);
        Path file = fileOf(runsDir, runId);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new RunJournal(file, channel);
    }

    public static Path fileOf(Path runsDir, String runId) {
        if (!runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        return runsDir.resolve(runId + ".jsonl");
    }

    public Path file() {
        return file;
    }

    public synchronized void append(JournalEntry entry) throws IOException {
        byte[] line = (JournalCodec.encode(entry).toString() + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Every complete entry of a journal file, in order; a torn or unreadable line is skipped. */
    public static List<JournalEntry> read(Path file) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                JournalCodec.decode(o).ifPresent(entries::add);
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException torn) {
                // a line cut short by a crash: it announced nothing that happened
            }
        }
        return entries;
    }

    /** Ids of the runs in {@code runsDir}, newest first. */
    public static List<String> list(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (var files = Files.list(runsDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length()))
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList();
        }
    }

    /** A new run id that sorts by time: {@code 20261121-235959-ab12}. */
    public static String newRunId(Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        String suffix = Integer.toHexString(new java.security.SecureRandom().nextInt(0x10000) | 0x10000).substring(1);
        return stamp + "-" + suffix;
    }
}
