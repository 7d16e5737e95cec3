package dev.dkm.gitconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a run changed in one config file, as lines: the hunks it replaced (the lines it removed, the lines it added,
 * where, and the line before them as an anchor), plus digests of the file before and after. It holds only the run's
 * own lines, never the rest of the file, and undoes itself against the file as it is now: when the file is still
 * what the run wrote, the original comes back byte for byte; when the user edited other lines since, only the run's
 * lines are reverted and the edits stay; when the user changed the run's own lines, nothing is written and
 * {@link Revert#reason()} says why.
 */
public record ConfigPatch(String originalSha256, String writtenSha256, List<Hunk> hunks) {
    public ConfigPatch {
        hunks = List.copyOf(hunks);
    }

    /**
     * @param at      index, in the original file, of the first removed line (or where the added lines went)
     * @param anchor  the original line just before, or null at the start of the file
     */
    public record Hunk(int at, String anchor, List<String> removed, List<String> added) {
        public Hunk {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    /** The outcome of reverting a patch on the file's current bytes. */
    public record Revert(State state, byte[] content, String reason) {
        public enum State {
            /** The file was still what the run wrote: {@link #content} is the original, byte for byte. */
            RESTORED,
            /** The file was edited since: {@link #content} has the run's lines reverted, the user's edits kept. */
            MERGED,
            /** None of the run's lines are in the file (never written, or reverted already): nothing to write. */
            NOTHING_TO_DO,
            /** The run's own lines were changed since: nothing is written. */
            CONFLICT
        }
    }

    /** The line diff from {@code original} to {@code written}. */
    public static ConfigPatch between(byte[] original, byte[] written) {
        List<String> a = lines(original);
        List<String> b = lines(written);
        List<Hunk> hunks = new ArrayList<>();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> am = a.subList(prefix, a.size() - suffix);
        List<String> bm = b.subList(prefix, b.size() - suffix);
        int n = am.size();
        int m = bm.size();
        if ((long) n * m > 4_000_000L) {
            if (n > 0 || m > 0) {
                hunks.add(new Hunk(prefix, prefix == 0 ? null : a.get(prefix - 1), am, bm));
            }
            return new ConfigPatch(sha256(original), sha256(written), hunks);
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = am.get(i).equals(bm.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int start = -1;
        while (i < n || j < m) {
            if (i < n && j < m && am.get(i).equals(bm.get(j))) {
                if (start >= 0) {
                    hunks.add(hunk(a, prefix + start, removed, added));
                    removed.clear();
                    added.clear();
                    start = -1;
                }
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                start = start < 0 ? i : start;
                added.add(bm.get(j++));
            } else {
                start = start < 0 ? i : start;
                removed.add(am.get(i++));
            }
        }
        if (start >= 0) {
            hunks.add(hunk(a, prefix + start, removed, added));
        }
        return new ConfigPatch(sha256(original), sha256(written), hunks);
    }

    private static Hunk hunk(List<String> original, int at, List<String> removed, List<String> added) {
        return new Hunk(at, at == 0 ? null : original.get(at - 1), removed, added);
    }

    /** True when the patch changes nothing. */
    public boolean isEmpty() {
        return hunks.isEmpty();
    }

    /** Reverts the run's lines in {@code current} (the file's bytes now). */
    public Revert revert(byte[] current) {
        String now = sha256(current);
        if (now.equals(originalSha256)) {
            return new Revert(Revert.State.NOTHING_TO_DO, current, "the file is as it was before the run");
        }
        List<String> lines = new ArrayList<>(lines(current));
        if (now.equals(writtenSha256)) {
            // Exactly what the run wrote: undo the hunks at their own places, last first.
            int shift = 0;
            List<int[]> at = new ArrayList<>();
            for (Hunk h : hunks) {
                at.add(new int[] {h.at() + shift});
                shift += h.added().size() - h.removed().size();
            }
            for (int k = hunks.size() - 1; k >= 0; k--) {
                Hunk h = hunks.get(k);
                int pos = at.get(k)[0];
                replace(lines, pos, h.added().size(), h.removed());
            }
            byte[] restored = join(lines);
            if (sha256(restored).equals(originalSha256)) {
                return new Revert(Revert.State.RESTORED, restored, null);
            }
            lines = new ArrayList<>(lines(current)); // cannot happen with a patch made by between(); merge instead
        }
        boolean anyReverted = false;
        int shift = 0;
        for (Hunk h : hunks) {
            int expected = Math.max(0, Math.min(lines.size(), h.at() + shift));
            if (!h.added().isEmpty()) {
                int found = find(lines, h.added(), expected);
                if (found >= 0) {
                    replace(lines, found, h.added().size(), h.removed());
                    shift += h.removed().size() - h.added().size();
                    anyReverted = true;
                    continue;
                }
                if (!h.removed().isEmpty() && find(lines, h.removed(), expected) >= 0) {
                    continue; // the original lines are there: never applied, or reverted already
                }
                if (h.removed().isEmpty()) {
                    List<String> rewritten = sameKeys(lines, h.added());
                    if (!rewritten.isEmpty()) {
                        return new Revert(Revert.State.CONFLICT, current, "the lines the run wrote (" + describe(rewritten)
                                + ") were changed since");
                    }
                    continue; // the lines it added were removed: nothing of the run's is left there
                }
                return new Revert(Revert.State.CONFLICT, current, "the lines the run wrote (" + describe(h.added())
                        + ") were changed since");
            }
            if (find(lines, h.removed(), expected) >= 0) {
                continue; // the removed lines are back already
            }
            int insertAt;
            if (h.anchor() == null) {
                insertAt = 0;
            } else {
                int anchor = find(lines, List.of(h.anchor()), expected - 1);
                if (anchor < 0) {
                    return new Revert(Revert.State.CONFLICT, current, "the line the run's removed lines followed ("
                            + describe(List.of(h.anchor())) + ") is gone");
                }
                insertAt = anchor + 1;
            }
            lines.addAll(insertAt, h.removed());
            anyReverted = true;
        }
        if (!anyReverted) {
            return new Revert(Revert.State.NOTHING_TO_DO, current, "none of the run's lines are in the file");
        }
        return new Revert(Revert.State.MERGED, join(lines), null);
    }

    /** The key of each line (text before '='), for reasons that never show values (they may hold tokens). */
    private static String describe(List<String> lines) {
        List<String> keys = new ArrayList<>();
        for (String l : lines) {
            String t = l.strip();
            int eq = t.indexOf('=');
            keys.add(eq >= 0 ? t.substring(0, eq).strip() : t.startsWith("[") ? t.replaceAll("\"[^\"]*\"", "\"…\"") : "…");
        }
        return String.join(", ", keys);
    }

    /** Lines of the file now that set a key one of {@code added} set (a value the user changed since). */
    private static List<String> sameKeys(List<String> lines, List<String> added) {
        List<String> found = new ArrayList<>();
        for (String a : added) {
            String key = keyOf(a);
            if (key == null) {
                continue;
            }
            for (String l : lines) {
                if (key.equals(keyOf(l))) {
                    found.add(l);
                }
            }
        }
        return found;
    }

    private static String keyOf(String line) {
        String t = line.strip();
        int eq = t.indexOf('=');
        return eq <= 0 || t.startsWith("[") || t.startsWith("#") || t.startsWith(";") ? null
                : t.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The occurrence of {@code block} in {@code lines} nearest to {@code near}, or -1. */
    private static int find(List<String> lines, List<String> block, int near) {
        int best = -1;
        for (int p = 0; p + block.size() <= lines.size(); p++) {
            if (lines.subList(p, p + block.size()).equals(block) && (best < 0 || Math.abs(p - near) < Math.abs(best - near))) {
                best = p;
            }
        }
        return best;
    }

    private static void replace(List<String> lines, int at, int count, List<String> with) {
        for (int k = 0; k < count; k++) {
            lines.remove(at);
        }
        lines.addAll(at, with);
    }

    /** The file's lines, each with its own line ending (the last may have none): joined, they are the file again. */
    static List<String> lines(byte[] content) {
        String s = new String(content, StandardCharsets.ISO_8859_1); // byte-exact whatever the encoding
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines.add(s.substring(from, k + 1));
                from = k + 1;
            }
        }
        if (from < s.length()) {
            lines.add(s.substring(from));
        }
        return lines;
    }

    private static byte[] join(List<String> lines) {
        return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
