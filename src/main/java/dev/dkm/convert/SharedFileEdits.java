package dev.dkm.convert;

import dev.dkm.remote.AuthHeader;
import dev.dkm.remote.RemoteUrlParser;
import dev.dkm.remote.Secret;
import dev.dkm.remote.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The line edits that take one token out of a file shared by many repositories, computed on the file's bytes (read
 * as ISO-8859-1, so a character index is a byte index and every other byte stays as it is): a credential-store line,
 * an {@code extraHeader = …} line, a {@code [url "…token…"]} section, or the credential in a {@code url = …} line.
 */
final class SharedFileEdits {
    /** At {@code offset}, {@code removed} becomes {@code inserted}. */
    record Edit(int offset, String removed, String inserted) {}

    private SharedFileEdits() {}

    static List<Edit> find(byte[] content, String location, Secret secret, String key) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<int[]> lines = lines(text);
        List<Edit> edits = new ArrayList<>();
        String section = "";
        for (int n = 0; n < lines.size(); n++) {
            int start = lines.get(n)[0];
            int end = lines.get(n)[1];
            String line = text.substring(start, end);
            String body = utf8(line).strip();
            if (location.equals("credential-store")) {
                Optional<StoredCredential> c = StoredCredential.parse(body);
                if (c.isPresent() && c.get().secret().equals(secret) && (key == null || key.equals(c.get().scope()))) {
                    edits.add(new Edit(start, line, ""));
                }
                continue;
            }
            if (body.startsWith("[")) {
                section = body;
                if (location.equals("insteadOf") && sectionName(body).equals("url")) {
                    String base = subsection(body);
                    if (base != null && RemoteUrlParser.parse(base).hasSecret() && RemoteUrlParser.parse(base).secret().equals(secret)) {
                        int last = n;
                        while (last + 1 < lines.size() && !utf8(text.substring(lines.get(last + 1)[0], lines.get(last + 1)[1])).strip().startsWith("[")) {
                            last++;
                        }
                        edits.add(new Edit(start, text.substring(start, lines.get(last)[1]), ""));
                        n = last;
                    }
                }
                continue;
            }
            int eq = body.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = body.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = unquote(body.substring(eq + 1).strip());
            if (location.equals("extraHeader") && sectionName(section).equals("http") && name.equals("extraheader")) {
                if (AuthHeader.parse(value).map(h -> h.secret().equals(secret)).orElse(false)) {
                    edits.add(new Edit(start, line, ""));
                }
            } else if ((location.equals("url") || location.equals("pushurl")) && sectionName(section).equals("remote")
                    && name.equals(location)) {
                var url = RemoteUrlParser.parse(value);
                if (url.hasSecret() && url.secret().equals(secret)) {
                    String raw = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    String clean = new String(RemoteUrlParser.withoutCredentials(value).getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1);
                    int at = line.indexOf(raw);
                    if (at >= 0) {
                        edits.add(new Edit(start + at, raw, clean));
                    }
                }
            }
        }
        return edits;
    }

    /** Applies edits (any order given) to content. */
    static byte[] apply(byte[] content, List<Edit> edits) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(b.offset(), a.offset()));
        StringBuilder b = new StringBuilder(text);
        for (Edit e : sorted) {
            b.replace(e.offset(), e.offset() + e.removed().length(), e.inserted());
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** [start, end) of each line, end after its line terminator. */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    private static String sectionName(String header) {
        if (!header.startsWith("[")) {
            return "";
        }
        int end = 1;
        while (end < header.length() && (Character.isLetterOrDigit(header.charAt(end)) || header.charAt(end) == '-')) {
            end++;
        }
        return header.substring(1, end).toLowerCase(Locale.ROOT);
    }

    /** {@code [url "BASE"]} → BASE (with git's {@code \"} and {@code \\} escapes undone), or null. */
    private static String subsection(String header) {
        int open = header.indexOf('"');
        int close = header.lastIndexOf('"');
        if (open < 0 || close <= open) {
            return null;
        }
        return header.substring(open + 1, close).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String unquote(String v) {
        int hash = -1;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '#' || c == ';') && !quoted) {
                hash = i;
                break;
            }
        }
        String s = (hash >= 0 ? v.substring(0, hash) : v).strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
