package dev.dkm.remote;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces credentials in URLs and in free text (exception messages, config lines) by their redacted form, so
 * that whatever reaches a screen, a log or a report never carries a raw token.
 */
public final class UrlRedactor {
    /** {@code scheme://userinfo@}: greedy up to the last {@code @} before the path, as git reads it. */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s]*)@");
    private static final Pattern GITLAB_TOKEN = Pattern.compile(
            "(?<![\\w-])(" + String.join("|", Secret.KNOWN_PREFIXES) + ")[\\w.-]+");

    private UrlRedactor() {}

    /** A URL (or any text containing URLs) with every password and token redacted. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return redactBareTokens(redactUserInfos(text));
    }

    private static String redactUserInfos(String text) {
        if (text.indexOf('@') < 0 || !text.contains("://")) {
            return text; // the common case, without a regex: scans call this for every URL
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + redactUserInfo(m.group(2)) + "@"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String redactUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            String user = PercentDecoder.decode(userInfo);
            return TokenClassifier.looksLikeToken(user) ? Secret.redact(user) : userInfo;
        }
        String password = PercentDecoder.decode(userInfo.substring(colon + 1));
        return password.isEmpty() ? userInfo : userInfo.substring(0, colon + 1) + Secret.redact(password);
    }

    /** GitLab tokens standing anywhere in text ({@code glpat-…}), URL or not. */
    private static String redactBareTokens(String text) {
        if (!containsKnownPrefix(text)) {
            return text;
        }
        Matcher m = GITLAB_TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(Secret.redact(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean containsKnownPrefix(String text) {
        for (int i = text.indexOf("gl"); i >= 0; i = text.indexOf("gl", i + 2)) {
            if (!Secret.knownPrefix(text.substring(i, Math.min(text.length(), i + 8))).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
