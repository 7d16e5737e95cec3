package dev.dkm.convert;

import dev.dkm.gitconfig.ConfigChangedMeanwhileException;
import dev.dkm.gitconfig.GitConfigEditor;
import dev.dkm.journal.JournalEntry;
import dev.dkm.journal.RunJournal;
import dev.dkm.remote.Secret;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a conversion: the tokens the converted repositories took from files they share with others — a
 * credential-store entry, a global or included {@code http.extraHeader}, an {@code insteadOf} rule or a remote URL
 * in an included file, a worktree's {@code config.worktree}. Such a line is removed only when no repository of the
 * (re-scanned) workspace still uses it, or when the user says so; the report names the repositories that still do.
 * Only the lines holding the token change (the rest of the file stays byte for byte, its mode and symbolic link
 * too), each edit is written to the run's journal before it is made, and {@code dkm undo} puts the lines back.
 */
public final class SharedTokenCleanup {
    private SharedTokenCleanup() {}

    /**
     * One token in one shared file.
     *
     * @param key             the config key or store entry it sits under (redacted)
     * @param usedByConverted the converted repositories that used it (display paths)
     * @param stillUsedBy     the repositories that use it after the run; non-empty: it stays unless the user says so
     */
    public record Source(Path file, String location, String origin, String key, Secret secret, List<String> usedByConverted,
            List<String> stillUsedBy) {
        public Source {
            usedByConverted = List.copyOf(usedByConverted);
            stillUsedBy = List.copyOf(stillUsedBy);
        }

        public boolean inUse() {
            return !stillUsedBy.isEmpty();
        }

        /** {@code extraHeader glpat-…x7Qa in global:/home/u/.gitconfig}: no secret. */
        public String describe() {
            return location + " " + secret.redacted() + " in " + origin + (key == null ? "" : " (" + key + ")");
        }
    }

    /** What happened to one source, in one line for the report. */
    public record Outcome(Source source, boolean removed, String message) {}

    public static List<Source> afterRun(List<RepoInfo> convertedBefore, List<RepoInfo> workspaceNow) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, Set<String>> users = new LinkedHashMap<>();
        for (RepoInfo repo : convertedBefore) {
            for (RemoteInfo remote : repo.remotes()) {
                for (FoundToken t : remote.tokens()) {
                    if (t.file() == null || !(t.shared() || "config.worktree".equals(t.origin()))) {
                        continue;
                    }
                    String id = id(t);
                    sources.putIfAbsent(id, new Source(t.file(), t.location(), t.origin(), t.key(), t.secret(), List.of(), List.of()));
                    users.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(repo.relativePath());
                }
            }
        }
        Map<String, Set<String>> still = new LinkedHashMap<>();
        for (RepoInfo repo : workspaceNow) {
            for (RemoteInfo remote : repo.remotes()) {
                for (FoundToken t : remote.tokens()) {
                    if (t.file() != null && sources.containsKey(id(t))) {
                        still.computeIfAbsent(id(t), k -> new LinkedHashSet<>()).add(repo.relativePath());
                    }
                }
            }
        }
        List<Source> out = new ArrayList<>();
        sources.forEach((id, s) -> out.add(new Source(s.file(), s.location(), s.origin(), s.key(), s.secret(),
                new ArrayList<>(users.get(id)), new ArrayList<>(still.getOrDefault(id, Set.of())))));
        return out;
    }

    private static String id(FoundToken t) {
        return t.file().toAbsolutePath().normalize() + "\n" + t.location() + "\n" + t.key() + "\n" + t.secret().reveal();
    }

    /**
     * Removes the sources nothing uses any more (all of them with {@code evenIfUsed}), one file at a time, each edit
     * journaled first. A file that cannot be read or changed is a line in the outcome; the others go on.
     */
    public static List<Outcome> apply(List<Source> sources, boolean evenIfUsed, RunJournal journal, Clock clock) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<Path, List<Source>> byFile = new LinkedHashMap<>();
        for (Source s : sources) {
            if (s.inUse() && !evenIfUsed) {
                outcomes.add(new Outcome(s, false, s.describe() + ": kept, still used by " + String.join(", ", s.stillUsedBy())));
            } else {
                byFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<Path, List<Source>> e : byFile.entrySet()) {
            outcomes.addAll(applyToFile(e.getKey(), e.getValue(), journal, clock));
        }
        return outcomes;
    }

    private static List<Outcome> applyToFile(Path file, List<Source> sources, RunJournal journal, Clock clock) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            byte[] before = dev.dkm.files.BoundedReader.read(file);
            List<SharedFileEdits.Edit> edits = new ArrayList<>();
            List<Source> found = new ArrayList<>();
            for (Source s : sources) {
                List<SharedFileEdits.Edit> mine = SharedFileEdits.find(before, s.location(), s.secret(),
                        s.location().equals("credential-store") ? s.key() : null);
                if (mine.isEmpty()) {
                    outcomes.add(new Outcome(s, false, s.describe() + ": no longer in " + file));
                } else {
                    edits.addAll(mine);
                    found.add(s);
                }
            }
            if (edits.isEmpty()) {
                return outcomes;
            }
            // Offsets are those of the file before any edit: undo puts them back last edit first.
            List<SharedFileEdits.Edit> ordered = new ArrayList<>(edits);
            ordered.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
            for (SharedFileEdits.Edit edit : ordered) {
                journal.append(new JournalEntry.FileEdited(clock.instant(), file.toString(), edit.offset(),
                        b64(edit.removed()), b64(edit.inserted()), found.get(0).location()));
            }
            new GitConfigEditor(file).replace(before, SharedFileEdits.apply(before, edits));
            for (Source s : found) {
                outcomes.add(new Outcome(s, true, s.describe() + ": removed" + (s.inUse()
                        ? " as asked, though still used by " + String.join(", ", s.stillUsedBy()) : ", used nowhere else")));
            }
        } catch (ConfigChangedMeanwhileException ex) {
            sources.forEach(s -> outcomes.add(new Outcome(s, false, s.describe() + ": " + file
                    + " changed meanwhile; nothing was written — run the conversion again")));
        } catch (IOException | RuntimeException ex) {
            sources.forEach(s -> outcomes.add(new Outcome(s, false, s.describe() + ": cannot change " + file + ": "
                    + dev.dkm.remote.UrlRedactor.redact(String.valueOf(ex.getMessage())))));
        }
        return outcomes;
    }

    private static String b64(String latin1) {
        return Base64.getEncoder().encodeToString(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }
}
