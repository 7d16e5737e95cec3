package dev.dkm.ui;

import dev.dkm.remote.Secret;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A last line of defence before a URL reaches the screen: the scan already redacts every URL, but should one
 * ever arrive with a password or a GitLab token in its user part, only the redacted form is shown.
 */
public final class SafeUrl {
    /** scheme://user[:password]@ — the user info of a URL with an authority. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/@]*)@");

    private SafeUrl() {}

    public static String display(String url) {
        if (url == null) {
            return "";
        }
        Matcher m = USER_INFO.matcher(url);
        if (!m.find()) {
            return url;
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        String safe;
        if (colon >= 0) {
            String password = userInfo.substring(colon + 1);
            safe = userInfo.substring(0, colon) + ":" + (isRedacted(password) ? password : Secret.redact(password));
        } else {
            safe = looksLikeToken(userInfo) ? Secret.redact(userInfo) : userInfo;
        }
        return m.group(1) + safe + "@" + url.substring(m.end());
    }

    private static boolean isRedacted(String value) {
        return value.contains("…") || value.isEmpty() || value.chars().allMatch(c -> c == '*');
    }

    private static boolean looksLikeToken(String user) {
        return !isRedacted(user) && !Secret.of(user).prefix().isEmpty();
    }
}
