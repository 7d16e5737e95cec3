package dev.dkm.remote;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells what kind of GitLab credential sits in a URL, from the secret's prefix first and the user name second
 * (reference §7): {@code oauth2:glpat-…} is a personal token, because the prefix says more than the user name.
 */
public final class TokenClassifier {
    private static final Pattern DEPLOY_TOKEN_USER = Pattern.compile("gitlab\\+deploy-token-\\d+");

    private TokenClassifier() {}

    /**
     * @param user   the user part of the URL, may be null
     * @param secret the password part, or the user part when it alone is a token; may be null
     */
    public static TokenKind classify(String user, Secret secret) {
        if (secret == null || secret.isEmpty()) {
            return TokenKind.NONE;
        }
        TokenKind byPrefix = byPrefix(secret.prefix());
        if (byPrefix != null) {
            return byPrefix;
        }
        String u = user == null ? "" : user.toLowerCase(Locale.ROOT);
        if (DEPLOY_TOKEN_USER.matcher(u).matches()) {
            return TokenKind.DEPLOY;
        }
        if (u.equals("gitlab-ci-token")) {
            return TokenKind.JOB;
        }
        if (u.equals("oauth2")) {
            return TokenKind.OAUTH;
        }
        return TokenKind.UNKNOWN;
    }

    /** The kind a GitLab prefix stands for, or null for no (or an unknown) prefix. */
    static TokenKind byPrefix(String prefix) {
        switch (prefix) {
            case "glpat-":
                return TokenKind.PERSONAL;
            case "gldt-":
                return TokenKind.DEPLOY;
            case "glcbt-":
                return TokenKind.JOB;
            case "gloas-":
                return TokenKind.OAUTH;
            case "":
                return null;
            default:
                // runner, trigger, feed, mail, agent, SCIM, feature-flag, workspace tokens: GitLab secrets
                // that do not authenticate git over HTTPS as a user; we know what they are not.
                return TokenKind.UNKNOWN;
        }
    }

    /** Whether a bare user name (no password) is itself a GitLab token, as in {@code https://glpat-…@host/}. */
    static boolean looksLikeToken(String user) {
        return user != null && !Secret.knownPrefix(user).isEmpty();
    }
}
