package dev.dkm.tokens;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The dashboard's filter: free text (name, place, instance, user), and optionally one kind and one band.
 * Null or blank parts match everything.
 */
public record CredentialFilter(String text, CredentialKind kind, ExpiryBand band) {
    public static final CredentialFilter ALL = new CredentialFilter(null, null, null);

    public boolean test(CredentialItem item, LocalDate today) {
        if (kind != null && item.kind() != kind) {
            return false;
        }
        if (band != null && item.band(today) != band) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return contains(item.name(), needle) || contains(item.where(), needle) || contains(item.instance(), needle)
                || item.dependents().stream().anyMatch(d -> contains(d, needle)) || contains(item.kind().label(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
