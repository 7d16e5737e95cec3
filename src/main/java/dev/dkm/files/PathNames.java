package dev.dkm.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names are bytes. Java turns them into strings with the locale's charset ({@code sun.jnu.encoding}, fixed at
 * start-up from {@code LC_ALL}/{@code LANG}; {@code -Dsun.jnu.encoding} is ignored on Linux): under the C/POSIX
 * locale every byte above 0x7F becomes {@code ?}, under UTF-8 an invalid sequence becomes U+FFFD — either way the
 * string no longer names the file. A {@link Path} obtained from a directory listing keeps the bytes, and its URI
 * percent-encodes them; this class shows such names visibly and unambiguously: valid UTF-8 as is, every other byte
 * as {@code \xNN}, control characters (newlines, escape codes) as {@code \n}, {@code \x1b} …
 */
public final class PathNames {
    private static final boolean UTF8_NAMES = isUtf8(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private PathNames() {}

    /** Whether the JVM decodes file names as UTF-8 (false under the C/POSIX locale). */
    public static boolean utf8Names() {
        return UTF8_NAMES;
    }

    /**
     * Whether {@code name} (as returned by {@link java.io.File#list()}) may not round-trip to the bytes on disk:
     * it holds U+FFFD or, when names are not decoded as UTF-8, a {@code ?} (the JDK's replacement there).
     */
    public static boolean mayBeLossy(String name) {
        return name.indexOf('\uFFFD') >= 0 || (!UTF8_NAMES && name.indexOf('?') >= 0);
    }

    /** The path as a user should see it: its bytes shown as in the class comment. Never null. */
    public static String display(Path path) {
        if (path == null) {
            return "";
        }
        String s = path.toString();
        if (!mayBeLossy(s) && !hasControls(s)) {
            return s;
        }
        if (!mayBeLossy(s)) {
            return visible(s);
        }
        StringBuilder out = new StringBuilder();
        if (path.getRoot() != null) {
            out.append(path.getRoot());
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(escapeBytes(rawBytes(path.getName(i))));
        }
        return out.toString();
    }

    /** The file name of {@code path} (last element) for display. */
    public static String displayName(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name == null ? display(path) : display(name);
    }

    /** Free text made safe for one line of a terminal or a table: control characters escaped, nothing else changed. */
    public static String visible(String text) {
        if (text == null || !hasControls(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendVisible(out, cp));
        return out.toString();
    }

    private static boolean hasControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }

    private static void appendVisible(StringBuilder out, int cp) {
        if (!isControl(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(cp <= 0xFF ? String.format(Locale.ROOT, "\\x%02x", cp) : String.format(Locale.ROOT, "\\u%04x", cp));
        }
    }

    /** The bytes of a one-element relative path, read from its URI (which percent-encodes every non-ASCII byte). */
    private static byte[] rawBytes(Path name) {
        String raw = name.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/") && raw.length() > 1) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out[n++] = (byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Valid UTF-8 as text, each byte of an invalid sequence as {@code \xNN}, controls escaped. Under a locale that
     * is not UTF-8 (C/POSIX) every byte above 0x7F is escaped: that terminal could not show it anyway.
     */
    public static String escapeBytes(byte[] bytes) {
        if (!UTF8_NAMES) {
            StringBuilder ascii = new StringBuilder(bytes.length + 8);
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c < 0x80) {
                    appendVisible(ascii, c);
                } else {
                    ascii.append(String.format(Locale.ROOT, "\\x%02x", c));
                }
            }
            return ascii.toString();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length * 2 + 4);
        StringBuilder out = new StringBuilder();
        while (true) {
            CoderResult r = decoder.decode(in, chars, true);
            chars.flip();
            out.append(visible(chars.toString()));
            chars.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    out.append(String.format(Locale.ROOT, "\\x%02x", in.get() & 0xFF));
                }
                continue;
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        decoder.flush(chars);
        chars.flip();
        out.append(visible(chars.toString()));
        return out.toString();
    }

    private static boolean isUtf8(String charset) {
        String c = charset.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return c.equals("UTF8");
    }
}
