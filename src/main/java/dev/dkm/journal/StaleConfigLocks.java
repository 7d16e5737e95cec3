package dev.dkm.journal;

import dev.dkm.files.PathNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run killed ({@code kill -9}, a power cut) between taking git's lock on a config ({@code config.lock}, created
 * exclusively) and renaming it over the config leaves that lock behind, and git then refuses every change to the
 * repository's config ("could not lock config file"). Undo and resume take such a lock away — only one this run
 * left: its config is one the journal says the run was changing, the lock was made after the run journaled that
 * change (each change is journaled before the write), no process has it open (a git writing the file would), and
 * it has not been touched for {@link #QUIET} (git holds its lock for milliseconds). Any other lock stays, and the
 * repository's line says so.
 */
public final class StaleConfigLocks {
    /** How long a lock must have been left alone before it counts as abandoned. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private StaleConfigLocks() {}

    /**
     * Removes the config locks the run whose journal holds {@code entries} left behind in this account.
     *
     * @return one line per lock removed, for the report
     */
    public static List<String> clear(List<JournalEntry> entries, Clock clock) {
        Map<Path, Instant> firstChange = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e instanceof JournalEntry.ConfigChanged c && c.environment() == null) {
                firstChange.putIfAbsent(Path.of(c.configFile()), c.at());
            }
        }
        List<String> removed = new ArrayList<>();
        for (Map.Entry<Path, Instant> e : firstChange.entrySet()) {
            Path config = e.getKey();
            if (clearOne(config, e.getValue(), clock)) {
                removed.add(PathNames.display(config) + ": removed the " + config.getFileName() + ".lock the interrupted run left");
            }
        }
        return removed;
    }

    /** True when {@code config}'s lock was left by a run that started changing it at {@code changedAt}, and is gone now. */
    static boolean clearOne(Path config, Instant changedAt, Clock clock) {
        Path lock = config.resolveSibling(config.getFileName() + ".lock");
        try {
            if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Instant touched = Files.getLastModifiedTime(lock, LinkOption.NOFOLLOW_LINKS).toInstant();
            // file systems keep times coarser than the journal's: a second of slack before the change was journaled
            if (touched.isBefore(changedAt.minusSeconds(1)) || touched.plus(QUIET).isAfter(clock.instant())) {
                return false;
            }
            if (openByAnyProcess(lock)) {
                return false;
            }
            return Files.deleteIfExists(lock);
        } catch (IOException e) {
            return false; // left where it is: the undo or resume then says why it cannot lock the config
        }
    }

    /**
     * Whether a process has {@code file} open, read from {@code /proc/PID/fd}. Where there is no {@code /proc} this
     * cannot be told, and the answer is yes: nothing is removed.
     */
    static boolean openByAnyProcess(Path file) throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return true;
        }
        Path target = file.toRealPath();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (Files.readSymbolicLink(fd).equals(target)) {
                                return true;
                            }
                        } catch (IOException | UnsupportedOperationException gone) {
                            // the descriptor closed meanwhile
                        }
                    }
                } catch (IOException notOurs) {
                    // a process that ended, or one whose descriptors this account may not read
                }
            }
        }
        return false;
    }
}
