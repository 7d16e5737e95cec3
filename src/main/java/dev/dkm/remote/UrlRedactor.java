package dev.dkm.remote;

import java.util.List;

/**
 * The one redactor: replaces credentials in URLs and in free text (exception messages, config lines, a helper's
 * output) by their redacted form, so that whatever reaches a screen, a log, a journal or a report never carries a
 * raw token. Every free-text failure passes {@link #redact} (or {@link #message}) before it is stored, shown or
 * exported; the window shows URLs through {@link #display}. Hand-written scanning rather than regular
 * expressions: a scan redacts several URLs per repository, tens of thousands per run.
 */
public final class UrlRedactor {
    private UrlRedactor() {}

    /** A URL for the screen: {@link #redact}ed, and "" for none. */
    public static String display(String url) {
        return url == null ? "" : redact(url);
    }

    /**
     * The message of a failure, made safe to store, show or export: redacted, on one line, at most 300 characters,
     * the exception's type when it has no message.
     */
    public static String message(Throwable e) {
        if (e == null) {
            return "";
        }
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        String line = redact(text.strip()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** A URL (or any text containing URLs) with every password and token redacted. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return redactHeaderCredentials(redactBareTokens(redactUserInfos(text)));
    }

    /** Words after which the next word is a credential in an HTTP header ({@code http.extraHeader} values). */
    private static final List<String> CREDENTIAL_MARKERS = List.of("basic ", "bearer ", "private-token:", "job-token:",
            "deploy-token:");

    /**
     * {@code Authorization: Basic dXNlcjp0b2tlbg==}, {@code Bearer …}, {@code PRIVATE-TOKEN: …}: the credential
     * after the marker is redacted whatever its shape (a Basic value is base64 of {@code user:token}).
     */
    private static String redactHeaderCredentials(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (CREDENTIAL_MARKERS.stream().noneMatch(lower::contains)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int next = -1;
            String marker = null;
            for (String m : CREDENTIAL_MARKERS) {
                int at = lower.indexOf(m, i);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    marker = m;
                }
            }
            if (next < 0) {
                break;
            }
            int start = next + marker.length();
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            int end = start;
            while (end < text.length() && isHeaderValueChar(text.charAt(end))) {
                end++;
            }
            String value = text.substring(start, end);
            out.append(text, i, start);
            out.append(value.length() < 8 || isRedacted(value) ? value : Secret.redact(value));
            i = end;
        }
        return out.append(text, i, text.length()).toString();
    }

    private static boolean isHeaderValueChar(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.'
                || c == '~';
    }

    /**
     * {@code scheme://user:secret@host} → {@code scheme://user:<redacted>@host}; the user info runs to the last
     * {@code @} before the path (or a blank), as git reads it.
     */
    private static String redactUserInfos(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int sep = text.indexOf("://"); sep > 0; sep = text.indexOf("://", sep + 3)) {
            int start = sep + 3;
            int end = start;
            while (end < text.length() && text.charAt(end) != '/' && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            int at = text.lastIndexOf('@', end - 1);
            if (at < start || !isSchemeChar(text.charAt(sep - 1))) {
                continue;
            }
            String redacted = redactUserInfo(text.substring(start, at));
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(redacted);
            copied = at;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.'
                || c == '-';
    }

    private static String redactUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            String user = PercentDecoder.decode(userInfo);
            return TokenClassifier.looksLikeToken(user) && !isRedacted(user) ? Secret.redact(user) : userInfo;
        }
        String password = PercentDecoder.decode(userInfo.substring(colon + 1));
        return password.isEmpty() || isRedacted(password) ? userInfo
                : userInfo.substring(0, colon + 1) + Secret.redact(password);
    }

    /** Exactly the shape {@link Secret#redact} produces ({@code glpat-…x7Qa}, {@code …}): redacting again would lose the tail. */
    private static boolean isRedacted(String s) {
        String rest = s.substring(Secret.knownPrefix(s).length());
        return rest.startsWith("…") && rest.length() <= 5;
    }

    /** GitLab tokens standing anywhere in text ({@code glpat-…}), URL or not; already redacted ones stay. */
    private static String redactBareTokens(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = text.indexOf("gl"); i >= 0; i = text.indexOf("gl", i + 2)) {
            if (i > 0 && isTokenChar(text.charAt(i - 1))) {
                continue;
            }
            String prefix = Secret.knownPrefix(text.substring(i, Math.min(text.length(), i + 8)));
            int end = i + prefix.length();
            while (!prefix.isEmpty() && end < text.length() && isTokenChar(text.charAt(end))) {
                end++;
            }
            if (prefix.isEmpty() || end == i + prefix.length()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(Secret.redact(text.substring(i, end)));
            copied = end;
            i = end - 2;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
