package dev.dkm.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code --expires YYYY-MM-DD|never}: default one year from today. */
final class ExpiryOption {
    private ExpiryOption() {}

    /** The date, or null for "never"; a missing value means one year from today. */
    static LocalDate parse(String text, LocalDate today) {
        if (text == null) {
            return today.plusYears(1);
        }
        if (text.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliProblem("--expires takes YYYY-MM-DD or never, not " + text);
        }
    }
}
