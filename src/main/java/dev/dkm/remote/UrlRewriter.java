package dev.dkm.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * git's {@code url.<base>.insteadOf} / {@code pushInsteadOf} rewriting (git-config(1), remote.c), as a pure
 * function over a list of rules:
 * <ul>
 *   <li>the longest matching prefix wins; on a tie, the rule seen first (git reads global config before the
 *       repository's);</li>
 *   <li>{@code insteadOf} rewrites {@code remote.<n>.url} and every {@code remote.<n>.pushurl};</li>
 *   <li>{@code pushInsteadOf} rewrites {@code remote.<n>.url} for pushing only, and only when the remote has no
 *       {@code pushurl}; a URL it rewrites is not rewritten again by {@code insteadOf}.</li>
 * </ul>
 */
public final class UrlRewriter {
    /** The outcome of one rewrite: the URL to use and the rule that produced it (null when none matched). */
    public record Rewrite(String url, InsteadOfRule rule) {
        public boolean rewritten() {
            return rule != null;
        }
    }

    /** Where a remote fetches from and pushes to after rewriting. */
    public record EffectiveUrls(Rewrite fetch, List<Rewrite> push) {
        public EffectiveUrls {
            push = List.copyOf(push);
        }
    }

    private final List<InsteadOfRule> rules;

    public UrlRewriter(List<InsteadOfRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static final UrlRewriter NONE = new UrlRewriter(List.of());

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The URL git fetches from (and pushes to through a {@code pushurl}). */
    public Rewrite forFetch(String url) {
        return longestMatch(url, false);
    }

    /** The URLs git pushes to for a remote with this {@code url} and these {@code pushurl}s. */
    public List<Rewrite> forPush(String url, List<String> pushUrls) {
        List<Rewrite> out = new ArrayList<>();
        if (!pushUrls.isEmpty()) {
            for (String p : pushUrls) {
                out.add(forFetch(p));
            }
            return out;
        }
        if (url == null) {
            return out;
        }
        Rewrite push = longestMatch(url, true);
        out.add(push.rewritten() ? push : forFetch(url));
        return out;
    }

    public EffectiveUrls effective(String url, List<String> pushUrls) {
        return new EffectiveUrls(url == null ? new Rewrite(null, null) : forFetch(url), forPush(url, pushUrls));
    }

    private Rewrite longestMatch(String url, boolean push) {
        InsteadOfRule best = null;
        if (url != null) {
            for (InsteadOfRule r : rules) {
                if (r.push() == push && r.matches(url) && (best == null || r.prefix().length() > best.prefix().length())) {
                    best = r;
                }
            }
        }
        return best == null ? new Rewrite(url, null) : new Rewrite(best.apply(url), best);
    }
}
