package dev.dkm.setup;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs git itself resolves for one remote, read from {@code git remote -v}: the fetch URL and every push URL,
 * after {@code url.<base>.insteadOf} / {@code pushInsteadOf} and whatever config files git reads (global, includes,
 * {@code GIT_CONFIG_*}). One git process answers both questions that {@code git remote get-url} and
 * {@code git remote get-url --push} answer one at a time, and it lists every push URL (a push goes to all of them),
 * not only the first.
 *
 * <p>Each line is {@code NAME TAB URL (fetch)} — with {@code  [FILTER]} after it for a partial clone — or
 * {@code NAME TAB URL (push)}, one per push URL (builtin/remote.c, {@code get_one_entry}).
 */
record ResolvedRemote(String fetchUrl, List<String> pushUrls) {
    static final List<String> COMMAND = List.of("remote", "-v");

    /**
     * The remote's URLs in {@code git remote -v}'s output, or null when the output does not name them unambiguously
     * (no fetch line, or two: a remote whose own name starts with {@code NAME TAB}): the caller asks git one at a time.
     */
    static ResolvedRemote parse(String output, String remote) {
        String prefix = remote + "\t";
        String fetch = null;
        int fetchLines = 0;
        List<String> push = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            int f = rest.lastIndexOf(" (fetch)");
            if (rest.endsWith(" (push)")) {
                push.add(rest.substring(0, rest.length() - " (push)".length()));
            } else if (f >= 0 && (f + " (fetch)".length() == rest.length() || rest.startsWith(" [", f + " (fetch)".length()))) {
                fetch = rest.substring(0, f);
                fetchLines++;
            }
        }
        return fetchLines == 1 && !push.isEmpty() ? new ResolvedRemote(fetch, List.copyOf(push)) : null;
    }

    /** The first URL git resolves that is not {@code expected}, or null when the fetch URL and every push URL are it. */
    String otherThan(String expected) {
        if (!fetchUrl.equals(expected)) {
            return fetchUrl;
        }
        return pushUrls.stream().filter(u -> !u.equals(expected)).findFirst().orElse(null);
    }
}
