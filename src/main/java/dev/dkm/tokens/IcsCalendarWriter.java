package dev.dkm.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar (RFC 5545) file with one all-day event per expiry and an alarm at each threshold, so expiries land
 * in the calendar people already use. Lines end in CRLF and are folded at 75 octets, as the RFC requires.
 */
public final class IcsCalendarWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final List<Integer> reminderDays;
    private final Instant now;

    /** @param reminderDays days before expiry for an alarm each (the dashboard thresholds, e.g. 60, 30, 7, 1) */
    public IcsCalendarWriter(List<Integer> reminderDays, Instant now) {
        this.reminderDays = List.copyOf(reminderDays);
        this.now = now;
    }

    public String write(List<CredentialItem> items) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Deploy Key Manager//dkm//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:GitLab credential expiry");
        for (CredentialItem item : items) {
            if (item.expiresOn() == null || item.revoked()) {
                continue;
            }
            event(out, item);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, CredentialItem item) {
        LocalDate day = item.expiresOn();
        String summary = item.kind().label() + " \"" + item.name() + "\" expires (" + item.where() + ")";
        StringBuilder description = new StringBuilder()
                .append(item.kind().label()).append(" ").append(item.name())
                .append(" on ").append(item.instance()).append(" ").append(item.where());
        if (!item.scopes().isEmpty()) {
            description.append("\nScopes: ").append(String.join(", ", item.scopes()));
        }
        if (!item.dependents().isEmpty()) {
            description.append("\nUsed by: ").append(String.join(", ", item.dependents()));
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escape(item.id()) + "@dkm");
        line(out, "DTSTAMP:" + STAMP.format(now));
        line(out, "DTSTART;VALUE=DATE:" + DATE.format(day));
        line(out, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line(out, "SUMMARY:" + escape(summary));
        line(out, "DESCRIPTION:" + escape(description.toString()));
        line(out, "CATEGORIES:" + escape(item.kind().label()));
        line(out, "TRANSP:TRANSPARENT");
        for (int days : reminderDays) {
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escape(summary + " in " + days + (days == 1 ? " day" : " days")));
            line(out, "TRIGGER:-P" + days + "D");
            line(out, "END:VALARM");
        }
        line(out, "END:VEVENT");
    }

    /** RFC 5545 §3.3.11 TEXT escaping. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (continuations start with one space), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 sequence
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
