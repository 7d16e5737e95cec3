package dev.dkm.workspace;

import dev.dkm.remote.AuthHeader;
import dev.dkm.remote.RemoteUrl;
import dev.dkm.remote.StoredCredential;
import dev.dkm.remote.UrlMatch;
import dev.dkm.remote.UrlRedactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.Config;

/**
 * What git sends, besides the URL, when it talks HTTP(S) to one URL: the {@code http.extraHeader} lines that apply
 * (http.c: for each key the most specific matching {@code http.<url>.*} wins, a less specific one read after it is
 * ignored, an empty value clears the list) and the credential helpers it asks (credential.c: every matching
 * {@code credential.helper} / {@code credential.<url>.helper} in order, an empty value clears the list). A
 * {@code store} helper is read here; any other helper (libsecret, osxkeychain, manager, cache, a shell command)
 * is named and not asked.
 */
final class HttpCredentials {
    /** A helper git asks that keeps its secrets elsewhere, named for people: {@code git-credential-libsecret}. */
    record Result(List<FoundToken> tokens, List<String> otherHelpers) {}

    private record Valued(String value, ConfigLayer layer, String key) {}

    private HttpCredentials() {}

    static Result of(RemoteUrl url, List<ConfigLayer> layers, ConfigStack stack) {
        List<FoundToken> tokens = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String scheme = url.scheme();
        if (url.host() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            return new Result(tokens, others);
        }
        String raw = url.raw();
        for (Valued h : extraHeaders(raw, layers)) {
            AuthHeader.parse(h.value()).ifPresent(a -> tokens.add(new FoundToken("extraHeader", a.kind(), a.user(),
                    a.secret(), h.layer().file(), origin(h.layer()), h.key(), !h.layer().repositoryOwn())));
        }
        if (url.hasSecret()) {
            return new Result(tokens, others); // a password in the URL: git asks no helper
        }
        boolean useHttpPath = false;
        List<Valued> helpers = new ArrayList<>();
        for (ConfigLayer layer : layers) {
            Config c = layer.config();
            for (String sub : withPlain(c.getSubsections("credential"))) {
                if (sub != null && UrlMatch.match(sub, raw).isEmpty()) {
                    continue;
                }
                for (String v : c.getStringList("credential", sub, "helper")) {
                    if (v == null || v.isEmpty()) {
                        helpers.clear(); // "helper =" (JGit reads it as null) empties the list, as in git
                    } else {
                        helpers.add(new Valued(v, layer, null));
                    }
                }
                String p = c.getString("credential", sub, "useHttpPath");
                if (p != null) {
                    useHttpPath = c.getBoolean("credential", sub, "useHttpPath", false);
                }
            }
        }
        String host = url.port() == null ? url.host() : url.host() + ":" + url.port();
        String path = useHttpPath ? pathOf(url) : null;
        boolean found = false;
        for (Valued helper : helpers) {
            List<String> words = ShellWords.split(helper.value());
            if (helper.value().startsWith("!") || words.isEmpty()) {
                others.add("a shell command helper");
                continue;
            }
            String name = words.get(0);
            if (!name.equals("store")) {
                String program = name.contains("/") ? Path.of(name).getFileName().toString() : "git-credential-" + name;
                if (!others.contains(program)) {
                    others.add(program);
                }
                continue;
            }
            if (found) {
                continue; // git stops at the first helper that answers
            }
            for (Path file : storeFiles(words, stack)) {
                for (StoredCredential s : stack.store(file)) {
                    if (s.answers(scheme, host.toLowerCase(Locale.ROOT), path, url.user())) {
                        tokens.add(new FoundToken("credential-store", s.kind(), s.user(), s.secret(), file,
                                "credential-store:" + file, s.scope(), true));
                        found = true;
                        break;
                    }
                }
                if (found) {
                    break;
                }
            }
        }
        return new Result(tokens, others);
    }

    /** {@code store --file=F}, {@code store --file F}, or git-credential-store's two default files. */
    private static List<Path> storeFiles(List<String> words, ConfigStack stack) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String file = w.startsWith("--file=") ? w.substring("--file=".length())
                    : w.equals("--file") && i + 1 < words.size() ? words.get(i + 1) : null;
            if (file != null) {
                Path home = stack.global().home();
                return List.of(file.startsWith("~/") && home != null ? home.resolve(file.substring(2)) : Path.of(file));
            }
        }
        return stack.global().defaultCredentialStores();
    }

    private static String pathOf(RemoteUrl url) {
        String p = url.path();
        if (p == null) {
            return null;
        }
        p = p.startsWith("/") ? p.substring(1) : p;
        return p.isEmpty() ? null : p;
    }

    /** {@code http.extraHeader} values git sends to {@code url}, each with the file and key it came from. */
    static List<Valued> extraHeaders(String url, List<ConfigLayer> layers) {
        List<Valued> headers = new ArrayList<>();
        UrlMatch.Score best = null;
        for (ConfigLayer layer : layers) {
            Config c = layer.config();
            for (String sub : withPlain(c.getSubsections("http"))) {
                String[] values = c.getStringList("http", sub, "extraHeader");
                if (values.length == 0) {
                    continue;
                }
                UrlMatch.Score score = sub == null ? UrlMatch.Score.NONE_KEY : UrlMatch.match(sub, url).orElse(null);
                if (score == null || (best != null && score.compareTo(best) < 0)) {
                    continue;
                }
                best = score;
                String key = "http." + (sub == null ? "" : UrlRedactor.redact(sub) + ".") + "extraheader";
                for (String v : values) {
                    if (v == null || v.isEmpty()) {
                        headers.clear();
                    } else {
                        headers.add(new Valued(v, layer, key));
                    }
                }
            }
        }
        return headers;
    }

    private static List<String> withPlain(java.util.Set<String> subsections) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(subsections);
        return out;
    }

    static String origin(ConfigLayer layer) {
        if (layer.included()) {
            return "include:" + layer.file();
        }
        return switch (layer.scope()) {
            case SYSTEM -> "system:" + layer.file();
            case GLOBAL -> "global:" + layer.file();
            case WORKTREE -> "config.worktree";
            case LOCAL -> "config";
        };
    }
}
