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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run's write-ahead journal: one JSON object per line, appended and forced to disk before the change it
 * announces. A line torn by a crash mid-write is ignored when reading (it announced nothing that happened).
 * What it holds: the run's options, the deploy keys it attached (ids and fingerprints) and, for each config it
 * changed, only the lines it removed and added with digests of the file — the removed lines may carry the very token
 * being removed, so the file is 0600 in a 0700 folder, and those tokens are dropped once undo cannot use them any more
 * (after an undo, after the token's revocation: {@link JournalScrubber}) and with the whole journal by
 * {@link #prune pruning}.
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
        privateDir(runsDir);
        Path file = fileOf(runsDir, runId);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new RunJournal(file, channel);
    }

    /**
     * Creates {@code runsDir} owner-only, or tightens an existing one to 0700 (folders made by earlier versions, or by a
     * umask, may be readable by others; the journals in it are 0600 but their names and count are not theirs to see).
     */
    static void privateDir(Path runsDir) throws IOException {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        AtomicFiles.createPrivateDirectories(runsDir);
        if (!Files.getPosixFilePermissions(runsDir).equals(owner)) {
            Files.setPosixFilePermissions(runsDir, owner);
        }
    }

    /**
     * Deletes the journals of runs that ended (finished or undone) or were interrupted longer than {@code olderThan}
     * ago (by their last change); a run still going (a recent change) is never pruned. Their runs cannot be undone
     * afterwards.
     *
     * @return the pruned run ids
     */
    public static List<String> prune(Path runsDir, Duration olderThan, Instant now) throws IOException {
        List<String> pruned = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return pruned;
        }
        privateDir(runsDir);
        Instant cutoff = now.minus(olderThan);
        for (String id : list(runsDir)) {
            Path file = fileOf(runsDir, id);
            if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(file);
                pruned.add(id);
            }
        }
        return pruned;
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
