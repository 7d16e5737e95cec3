package dev.dkm.remote;

/**
 * One {@code url.<base>.insteadOf = prefix} (or {@code pushInsteadOf}) line: a URL starting with {@code prefix}
 * is used as if it started with {@code base}. The base may carry a token of its own.
 *
 * @param base   the replacement ({@code <base>} in {@code [url "<base>"]})
 * @param prefix the value of {@code insteadOf} / {@code pushInsteadOf}
 * @param push   true for {@code pushInsteadOf}
 */
public record InsteadOfRule(String base, String prefix, boolean push) {
    public boolean matches(String url) {
        return url != null && url.startsWith(prefix);
    }

    public String apply(String url) {
        return base + url.substring(prefix.length());
    }

    @Override
    public String toString() {
        return "url." + UrlRedactor.redact(base) + (push ? ".pushInsteadOf=" : ".insteadOf=") + UrlRedactor.redact(prefix);
    }
}
