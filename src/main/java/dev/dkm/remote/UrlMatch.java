package dev.dkm.remote;

import java.util.Locale;
import java.util.Optional;

/**
 * git's matching of a URL against the URL in a config key such as {@code http.<url>.extraHeader} or
 * {@code credential.<url>.helper} (git-config(1) "http.&lt;url&gt;.*", urlmatch.c): the scheme must be equal, the
 * host equal (a {@code *} matches one whole name component: {@code *.example.com} matches {@code a.example.com},
 * not {@code example.com}), the port equal (after defaults), the config path a prefix of the URL's path ending at a
 * {@code /}, and a user name in the config URL equal to the URL's. More specific matches win: longer host, then
 * longer path, then a matching user.
 */
public final class UrlMatch {
    /** How well a config URL matched; compare with {@link #compareTo}. {@link #NONE_KEY} is a key without URL. */
    public record Score(int host, int path, boolean user) implements Comparable<Score> {
        public static final Score NONE_KEY = new Score(0, 0, false);

        @Override
        public int compareTo(Score o) {
            if (host != o.host) {
                return Integer.compare(host, o.host);
            }
            if (path != o.path) {
                return Integer.compare(path, o.path);
            }
            return Boolean.compare(user, o.user);
        }
    }

    private record Parts(String scheme, String user, String host, int port, String path) {}

    private UrlMatch() {}

    /** The score of {@code configUrl} for {@code url}, or empty when it does not apply. */
    public static Optional<Score> match(String configUrl, String url) {
        Parts target = parse(url);
        if (target == null || configUrl == null) {
            return Optional.empty();
        }
        Parts key = parse(configUrl);
        if (key == null) {
            // credential.<host>.helper: a bare host matches that host over any protocol (credential.c, match_partial_url)
            return configUrl.equalsIgnoreCase(target.host) ? Optional.of(new Score(configUrl.length(), 0, false)) : Optional.empty();
        }
        if (!key.scheme.equals(target.scheme) || key.port != target.port || !hostMatches(key.host, target.host)) {
            return Optional.empty();
        }
        if (key.user != null && !key.user.equals(target.user)) {
            return Optional.empty();
        }
        String prefix = key.path.endsWith("/") ? key.path.substring(0, key.path.length() - 1) : key.path;
        if (!prefix.isEmpty() && !(target.path.equals(prefix) || target.path.startsWith(prefix + "/"))) {
            return Optional.empty();
        }
        return Optional.of(new Score(key.host.length(), prefix.length(), key.user != null));
    }

    private static boolean hostMatches(String pattern, String host) {
        String[] p = pattern.split("\\.", -1);
        String[] h = host.split("\\.", -1);
        if (p.length != h.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!componentMatches(p[i], h[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code *} within one component matches any run of characters of that component. */
    private static boolean componentMatches(String p, String h) {
        if (!p.contains("*")) {
            return p.equals(h);
        }
        String regex = java.util.Arrays.stream(p.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[^.]*"));
        return h.matches(regex);
    }

    private static Parts parse(String url) {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = url.substring(sep + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = PercentDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = defaultPort(scheme);
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]") && authority.indexOf(']') < colon) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return new Parts(scheme, user == null || user.isEmpty() ? null : user, host.toLowerCase(Locale.ROOT), port, path);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            case "ssh" -> 22;
            case "git" -> 9418;
            case "ftp" -> 21;
            default -> -1;
        };
    }
}
