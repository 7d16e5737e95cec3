package dev.dkm.journal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.dkm.remote.Secret;
import dev.dkm.remote.UrlRedactor;
import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of journals once undo no longer needs them: after an undo (every token of that run), after a
 * revocation (that token, from every run: undo then restores the URL without it and says it was revoked). Only the
 * config lines a run removed can hold a token (and, in journals of earlier versions, the base64 of whole configs);
 * those are rewritten, atomically, the rest of each line is kept as it was.
 */
public final class JournalScrubber {
    private JournalScrubber() {}

    /** Every token in run {@code runId}'s journal redacted. */
    public static void dropSecrets(Path runsDir, String runId, String reason) throws IOException {
        rewrite(RunJournal.fileOf(runsDir, runId), UrlRedactor::redact, reason);
    }

    /**
     * {@code token} taken out of every journal in {@code runsDir}: a URL's credentials ending with it are removed,
     * any other occurrence becomes {@code REVOKED}.
     *
     * @return how many journals held it
     */
    public static int dropToken(Path runsDir, Secret token, String reason) throws IOException {
        String raw = token.reveal();
        if (raw.isEmpty()) {
            return 0;
        }
        Pattern userInfo = Pattern.compile("//[^/@\\s]*" + Pattern.quote(raw) + "@");
        UnaryOperator<String> strip = line -> userInfo.matcher(line).replaceAll(Matcher.quoteReplacement("//"))
                .replace(raw, "REVOKED");
        int n = 0;
        for (String runId : RunJournal.list(runsDir)) {
            Path file = RunJournal.fileOf(runsDir, runId);
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (text.contains(raw) || containsEncoded(text, raw)) {
                rewrite(file, strip, reason);
                n++;
            }
        }
        return n;
    }

    /** Entry types whose field holds base64 text that may carry a token, and that field. */
    private static final java.util.Map<String, String> BASE64_FIELDS = java.util.Map.of("config-saved", "original",
            "file-edited", "removed");

    private static boolean containsEncoded(String journal, String raw) {
        for (String line : journal.split("\n")) {
            JsonObject o = parse(line);
            String field = o == null ? null : BASE64_FIELDS.get(str(o, "type"));
            if (field != null && str(o, field) != null && decode(str(o, field)).contains(raw)) {
                return true;
            }
        }
        return false;
    }

    private static void rewrite(Path file, UnaryOperator<String> scrub, String reason) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String line : lines) {
            JsonObject o = parse(line);
            if (o != null && "config-changed".equals(str(o, "type"))) {
                String before = o.toString();
                for (JsonElement h : o.getAsJsonArray("hunks")) {
                    JsonObject hunk = h.getAsJsonObject();
                    scrubArray(hunk.getAsJsonArray("removed"), scrub);
                    scrubArray(hunk.getAsJsonArray("added"), scrub);
                    if (str(hunk, "anchor") != null) {
                        hunk.addProperty("anchor", scrub.apply(str(hunk, "anchor")));
                    }
                }
                changed |= !before.equals(o.toString());
                line = o.toString();
            } else if (o != null && BASE64_FIELDS.containsKey(str(o, "type")) && str(o, BASE64_FIELDS.get(str(o, "type"))) != null) {
                // whole configs (journals of earlier versions) and the lines taken out of shared files: base64
                String field = BASE64_FIELDS.get(str(o, "type"));
                String text = decode(str(o, field));
                String scrubbed = String.join("\n", text.lines().map(scrub).toList()) + (text.endsWith("\n") ? "\n" : "");
                if (!scrubbed.equals(text)) {
                    o.addProperty(field, Base64.getEncoder().encodeToString(scrubbed.getBytes(StandardCharsets.ISO_8859_1)));
                    changed = true;
                }
                line = o.toString();
            }
            out.append(line).append('\n');
        }
        if (!changed) {
            return;
        }
        JsonObject dropped = JournalCodec.encode(new JournalEntry.SecretsDropped(Instant.now(), reason));
        out.append(dropped).append('\n');
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
    }

    private static void scrubArray(JsonArray array, UnaryOperator<String> scrub) {
        for (int i = 0; i < array.size(); i++) {
            array.set(i, new JsonPrimitive(scrub.apply(array.get(i).getAsString())));
        }
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static JsonObject parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(line);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }
}
