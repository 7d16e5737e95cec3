package dev.dkm.remote;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes a git remote URL apart the way git reads it: {@code scheme://[user[:secret]@]host[:port]/path},
 * scp-like {@code [user@]host:path}, or a local path. Never throws: anything it cannot read comes back as
 * {@link RemoteKind#OTHER} with a {@link RemoteUrl#problem()}.
 */
public final class RemoteUrlParser {
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.-]+)?");

    private RemoteUrlParser() {}

    public static RemoteUrl parse(String url) {
        try {
            return parseOrThrow(url);
        } catch (RuntimeException e) {
            // A parser bug must not stop a scan; the URL is reported as unreadable.
            return other(url, null, "cannot be read as a URL");
        }
    }

    private static RemoteUrl parseOrThrow(String url) {
        if (url == null || url.isBlank()) {
            return other(url, null, "empty URL");
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return other(url, null, "contains control characters");
        }
        int sep = url.indexOf("://");
        if (sep > 0 && isScheme(url, sep)) {
            return parseSchemeUrl(url, url.substring(0, sep).toLowerCase(Locale.ROOT), url.substring(sep + 3));
        }
        int helper = url.indexOf("::");
        if (helper > 0 && isScheme(url, helper)) {
            return other(url, null, "uses the git remote helper '" + url.substring(0, helper) + "'");
        }
        if (isScpLike(url)) {
            return parseScpLike(url);
        }
        return local(url, url);
    }

    private static RemoteUrl parseSchemeUrl(String raw, String scheme, String rest) {
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (scheme.equals("file")) {
            return local(raw, PercentDecoder.decode(path.isEmpty() ? authority : path));
        }
        String normalScheme = switch (scheme) {
            case "ssh", "git+ssh", "ssh+git" -> "ssh";
            default -> scheme;
        };
        if (!normalScheme.equals("ssh") && !normalScheme.equals("https") && !normalScheme.equals("http")
                && !normalScheme.equals("git")) {
            return other(raw, scheme, "unsupported scheme '" + scheme + "'");
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);

        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return other(raw, scheme, "IPv6 host has no closing ']'");
            }
            host = hostPort.substring(1, close);
            if (!IPV6.matcher(host).matches()) {
                return other(raw, scheme, "not a valid IPv6 address");
            }
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return other(raw, scheme, "unexpected text after the IPv6 host");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty()) {
                return other(raw, scheme, "no host");
            }
            if (!isHostName(host)) {
                return other(raw, scheme, "host contains invalid characters");
            }
        }
        Integer port = null;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.chars().allMatch(c -> c >= '0' && c <= '9') || portText.length() > 5
                    || Integer.parseInt(portText) > 65535 || Integer.parseInt(portText) == 0) {
                return other(raw, scheme, "port is not a number between 1 and 65535");
            }
            port = Integer.parseInt(portText);
        }

        String user = null;
        Secret secret = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String u = PercentDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String p = colon < 0 ? null : PercentDecoder.decode(userInfo.substring(colon + 1));
            if (p != null && !p.isEmpty()) {
                user = u.isEmpty() ? null : u;
                secret = Secret.of(p);
            } else if (TokenClassifier.looksLikeToken(u)) {
                secret = Secret.of(u); // https://glpat-…@host/: the user part alone is the token
            } else {
                user = u.isEmpty() ? null : u;
            }
        }
        TokenKind tokenKind = TokenClassifier.classify(user, secret);
        RemoteKind kind;
        String problem = null;
        switch (normalScheme) {
            case "ssh" -> kind = RemoteKind.SSH;
            case "git" -> {
                kind = RemoteKind.OTHER;
                problem = "git:// is the unauthenticated read-only protocol";
            }
            default -> kind = secret != null ? RemoteKind.HTTPS_TOKEN : RemoteKind.HTTPS;
        }
        return new RemoteUrl(raw, normalScheme, user, secret, host.toLowerCase(Locale.ROOT), port, path,
                projectPath(path), kind, tokenKind, problem);
    }

    /** git's rule: a colon before the first slash makes {@code [user@]host:path}, unless it is a drive letter. */
    private static boolean isScpLike(String url) {
        int colon = colonOutsideBrackets(url);
        if (colon <= 0) {
            return false;
        }
        int slash = url.indexOf('/');
        if (slash >= 0 && slash < colon) {
            return false;
        }
        return !(colon == 1 && Character.isLetter(url.charAt(0))); // C:\repo or C:/repo
    }

    private static int colonOutsideBrackets(String url) {
        boolean inBrackets = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            } else if (c == ':' && !inBrackets) {
                return i;
            }
        }
        return -1;
    }

    private static RemoteUrl parseScpLike(String raw) {
        int colon = colonOutsideBrackets(raw);
        String userHost = raw.substring(0, colon);
        String path = raw.substring(colon + 1);
        int at = userHost.lastIndexOf('@');
        String user = at < 0 ? null : userHost.substring(0, at);
        String host = userHost.substring(at + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!IPV6.matcher(host).matches()) {
                return other(raw, "ssh", "not a valid IPv6 address");
            }
        } else if (host.isEmpty() || !isHostName(host)) {
            return other(raw, "ssh", "host contains invalid characters");
        }
        return new RemoteUrl(raw, "ssh", user == null || user.isEmpty() ? null : user, null,
                host.toLowerCase(Locale.ROOT), null, path, projectPath(path), RemoteKind.SSH, TokenKind.NONE, null);
    }

    /** {@code [a-zA-Z][a-zA-Z0-9+.-]*} for {@code url[0, end)}, without a regex (scans call this a lot). */
    private static boolean isScheme(String url, int end) {
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')))) {
                return false;
            }
        }
        return end > 0;
    }

    /** Letters (any script, for IDNs), digits and {@code . _ ~ -}. */
    private static boolean isHostName(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
                return false;
            }
        }
        return !host.isEmpty();
    }

    /** {@code group/sub/repo} from a path: decoded, no surrounding slashes, no {@code .git}. */
    static String projectPath(String path) {
        if (path == null) {
            return null;
        }
        String p = PercentDecoder.decode(path);
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        p = p.substring(start, end);
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? null : p;
    }

    private static RemoteUrl local(String raw, String path) {
        return new RemoteUrl(raw, "file", null, null, null, null, path, null, RemoteKind.FILE, TokenKind.NONE, null);
    }

    private static RemoteUrl other(String raw, String scheme, String problem) {
        return new RemoteUrl(raw, scheme, null, null, null, null, null, null, RemoteKind.OTHER, TokenKind.NONE,
                problem);
    }

    /** {@code https://oauth2:glpat-…@host/g/p.git} → {@code https://host/g/p.git}; anything else unchanged. */
    public static String withoutCredentials(String url) {
        RemoteUrl parsed = parse(url);
        if (!parsed.hasSecret()) {
            return url;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int authorityEnd = url.indexOf('/', schemeEnd + 3);
        String authority = authorityEnd < 0 ? url.substring(schemeEnd + 3) : url.substring(schemeEnd + 3, authorityEnd);
        int at = authority.lastIndexOf('@'); // a raw '@' inside a password: the last one ends the user info
        if (at < 0) {
            return url;
        }
        return url.substring(0, schemeEnd + 3) + url.substring(schemeEnd + 3 + at + 1);
    }
}
