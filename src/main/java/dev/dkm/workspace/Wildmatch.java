package dev.dkm.workspace;

import java.util.regex.Pattern;

/**
 * git's wildmatch with {@code WM_PATHNAME}, as {@code includeIf "gitdir:…"} and {@code "onbranch:…"} use it:
 * {@code *} and {@code ?} stop at {@code /}, {@code **} between slashes (or at either end) spans folders,
 * {@code [...]} is a character class ({@code [!...]} or {@code [^...]} negated).
 */
final class Wildmatch {
    private Wildmatch() {}

    static boolean matches(String pattern, String text, boolean ignoreCase) {
        return compile(pattern, ignoreCase).matcher(text).matches();
    }

    static Pattern compile(String glob, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < n && glob.charAt(i + 1) == '*';
                boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                if (dbl && atSegmentStart && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                    if (i + 2 == n) {
                        re.append(".*");
                        i += 1;
                    } else {
                        re.append("(?:.*/)?");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    while (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;
                    }
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append(Pattern.quote("["));
                    continue;
                }
                String body = glob.substring(i + 1, close);
                boolean negate = body.startsWith("!") || body.startsWith("^");
                if (negate) {
                    body = body.substring(1);
                }
                re.append('[').append(negate ? "^/" : "").append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }
}
