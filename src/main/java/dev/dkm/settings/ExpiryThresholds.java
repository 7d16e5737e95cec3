package dev.dkm.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The expiry reminder thresholds as a person types them ("60, 30, 7, 1"): whole positive numbers of days, separated by
 * commas or spaces; duplicates are dropped and the result is sorted largest first, as {@link Settings} keeps them.
 */
public final class ExpiryThresholds {
    /** Ten years: a reminder further out than that is a typo. */
    public static final int MAX_DAYS = 3650;

    /** Either {@code days} (non-empty, largest first) or {@code problem}, one sentence for the user. */
    public record Parsed(List<Integer> days, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private ExpiryThresholds() {}

    public static Parsed parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return problem("Give at least one number of days, e.g. 60, 30, 7, 1.");
        }
        List<Integer> days = new ArrayList<>();
        for (String part : trimmed.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int value;
            try {
                value = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return problem(part.matches("\\d+") ? "At most " + MAX_DAYS + " days: " + part + " is too many."
                        : part.matches("-\\d+") ? "Days must be positive: " + part + " is not."
                        : "\"" + part + "\" is not a whole number of days.");
            }
            if (value <= 0) {
                return problem("Days must be positive: " + value + " is not.");
            }
            if (value > MAX_DAYS) {
                return problem("At most " + MAX_DAYS + " days: " + value + " is too many.");
            }
            days.add(value);
        }
        if (days.isEmpty()) {
            return problem("Give at least one number of days, e.g. 60, 30, 7, 1.");
        }
        return new Parsed(days.stream().distinct().sorted(Comparator.reverseOrder()).toList(), null);
    }

    /** "60, 30, 7, 1": what {@link #parse(String)} reads back as the same list. */
    public static String format(List<Integer> days) {
        return String.join(", ", days.stream().map(d -> String.format(Locale.ROOT, "%d", d)).toList());
    }

    private static Parsed problem(String sentence) {
        return new Parsed(null, sentence);
    }
}
