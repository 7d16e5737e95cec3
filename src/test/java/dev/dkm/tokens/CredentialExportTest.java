package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CredentialExportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static CredentialItem item(String id, CredentialKind kind, String name, LocalDate expires, boolean revoked) {
        return new CredentialItem(id, kind, name, "https://gitlab.example.com", "group/sub, \"odd\"; project",
                List.of("read_registry", "read_repository"), Instant.parse("2026-01-01T00:00:00Z"), expires, null,
                revoked, kind == CredentialKind.PERSONAL_ACCESS_TOKEN ? "glpat-…x7Qa" : null,
                List.of("apps/web", "apps/api"));
    }

    private final List<CredentialItem> items = List.of(
            item("deploy-token:gitlab.example.com:1", CredentialKind.DEPLOY_TOKEN, "registry pull", LocalDate.of(2026, 11, 24), false),
            item("pat:gitlab.example.com:9", CredentialKind.PERSONAL_ACCESS_TOKEN, "ci bot with a very long name that will need folding in the calendar file because it is long", LocalDate.of(2027, 3, 1), false),
            item("deploy-key:gitlab.example.com:5", CredentialKind.DEPLOY_KEY, "never", null, false),
            item("deploy-token:gitlab.example.com:2", CredentialKind.DEPLOY_TOKEN, "old", LocalDate.of(2026, 12, 1), true));

    private final CredentialExport export = new CredentialExport(TODAY, NOW, List.of(60, 30, 7, 1));

    @Test
    void bands_follow_gitlab_s_midnight_utc_expiry() {
        assertThat(ExpiryBand.of(TODAY, false, TODAY)).isEqualTo(ExpiryBand.EXPIRED);
        assertThat(ExpiryBand.of(TODAY.plusDays(1), false, TODAY)).isEqualTo(ExpiryBand.WITHIN_7_DAYS);
        assertThat(ExpiryBand.of(TODAY.plusDays(7), false, TODAY)).isEqualTo(ExpiryBand.WITHIN_7_DAYS);
        assertThat(ExpiryBand.of(TODAY.plusDays(8), false, TODAY)).isEqualTo(ExpiryBand.WITHIN_30_DAYS);
        assertThat(ExpiryBand.of(TODAY.plusDays(31), false, TODAY)).isEqualTo(ExpiryBand.LATER);
        assertThat(ExpiryBand.of(null, false, TODAY)).isEqualTo(ExpiryBand.NEVER);
        assertThat(ExpiryBand.of(TODAY.plusDays(3), true, TODAY)).isEqualTo(ExpiryBand.REVOKED);
    }

    @Test
    void the_ics_file_parses_with_ical4j_with_one_event_per_live_expiry_and_an_alarm_per_threshold() throws Exception {
        String ics = export.render(CredentialExport.Format.ICS, items);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2); // never-expiring and revoked ones have no date to remind of
        VEvent first = events.get(0);
        assertThat(prop(first, Property.DTSTART)).isEqualTo("20261124");
        assertThat(prop(first, Property.SUMMARY)).isEqualTo("Deploy token \"registry pull\" expires (group/sub, \"odd\"; project)");
        assertThat(prop(first, Property.UID)).isEqualTo("deploy-token:gitlab.example.com:1@dkm");
        assertThat(prop(first, Property.DESCRIPTION)).contains("Used by: apps/web, apps/api");
        List<VAlarm> alarms = first.getAlarms();
        assertThat(alarms).hasSize(4); // ical4j re-renders -P7D as the equal -P1W, so the values are checked in the text
        assertThat(ics).contains("TRIGGER:-P60D", "TRIGGER:-P30D", "TRIGGER:-P7D", "TRIGGER:-P1D");
        assertThat(prop(events.get(1), Property.SUMMARY)).startsWith("Personal access token \"ci bot with a very long name");
    }

    @Test
    void ics_lines_are_crlf_and_at_most_75_octets() {
        String ics = export.render(CredentialExport.Format.ICS, items);
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void csv_quotes_what_needs_quoting_and_keeps_one_row_per_item() {
        String csv = export.render(CredentialExport.Format.CSV, items);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("kind,name,instance,where,scopes,created,expires,days_left,band");
        assertThat(lines.get(1)).contains("\"group/sub, \"\"odd\"\"; project\"").contains(",2026-11-24,3,7d,");
        assertThat(lines.get(2)).contains("glpat-…x7Qa");
        assertThat(lines.get(3)).contains(",,,never,");
        assertThat(lines.get(4)).contains(",revoked,").contains(",true,");
    }

    @Test
    void csv_neutralises_spreadsheet_formulas() {
        assertThat(CsvWriter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
    }

    @Test
    void json_has_days_left_and_bands() {
        JsonArray array = JsonParser.parseString(export.render(CredentialExport.Format.JSON, items)).getAsJsonArray();
        assertThat(array).hasSize(4);
        assertThat(array.get(0).getAsJsonObject().get("daysLeft").getAsLong()).isEqualTo(3);
        assertThat(array.get(0).getAsJsonObject().get("band").getAsString()).isEqualTo("7d");
        assertThat(array.get(2).getAsJsonObject().get("expiresAt").isJsonNull()).isTrue();
        assertThat(array.get(2).getAsJsonObject().get("band").getAsString()).isEqualTo("never");
        assertThat(array.get(3).getAsJsonObject().get("band").getAsString()).isEqualTo("revoked");
    }

    private static String prop(Component component, String name) {
        return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }
}
