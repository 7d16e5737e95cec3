package dev.dkm.gitlab;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** {@code Retry-After} in seconds (GitLab sends seconds; an HTTP date is accepted too). */
final class RetryAfter {
    private RetryAfter() {}

    static Long seconds(Headers headers) {
        String value = headers == null ? null : headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, at.getEpochSecond() - Instant.now().getEpochSecond());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
