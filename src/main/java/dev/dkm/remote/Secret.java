package dev.dkm.remote;

import java.util.List;
import java.util.Objects;

/**
 * A token or password found somewhere (a remote URL, the keyring, an API answer). The raw value is only
 * reachable through {@link #reveal()}, which the use cases that must send it call; everything else
 * ({@link #toString()}, Gson reflection, logs) sees the redacted form: the known prefix and at most
 * the last four characters, e.g. {@code glpat-…x7Qa}.
 */
public final class Secret {
    /** GitLab token prefixes (reference §7), longest first so that {@code glrtr-} wins over {@code glrt-}. */
    static final List<String> KNOWN_PREFIXES = List.of(
            "glagent-", "glffct-", "glsoat-", "glimt-", "glpat-", "glcbt-", "glptt-", "glrtr-", "gloas-",
            "glrt-", "gldt-", "glft-", "glwt-");

    /** Secrets shorter than this show no tail at all: four characters of an 8-character password is too much. */
    private static final int MIN_LENGTH_FOR_TAIL = 16;

    private final transient String value;
    private final String redacted;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        this.redacted = redact(value);
    }

    private Secret(String value, String redacted) {
        this.value = value;
        this.redacted = redacted;
    }

    /**
     * A secret known only by its redacted form: one that stayed in another environment (a helper reports the tokens
     * it finds redacted, never raw). {@link #reveal()} gives that redacted form, which is worth nothing to anyone.
     */
    public static Secret knownOnlyAs(String redacted) {
        String shown = Objects.requireNonNull(redacted, "redacted");
        return new Secret(shown, shown);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The raw value, for the few places that must send it (HTTP header, git credential, revocation). */
    public String reveal() {
        return value;
    }

    public String redacted() {
        return redacted;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The GitLab prefix this secret starts with ({@code glpat-}, {@code gldt-} …), or an empty string. */
    public String prefix() {
        return knownPrefix(value);
    }

    public static String redact(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String prefix = knownPrefix(raw);
        String rest = raw.substring(prefix.length());
        String tail = raw.length() >= MIN_LENGTH_FOR_TAIL && rest.length() > 8 ? rest.substring(rest.length() - 4) : "";
        return prefix + "…" + tail;
    }

    static String knownPrefix(String raw) {
        for (String p : KNOWN_PREFIXES) {
            if (raw.startsWith(p)) {
                return p;
            }
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return redacted;
    }
}
