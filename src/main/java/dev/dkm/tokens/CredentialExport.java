package dev.dkm.tokens;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The dashboard's items as CSV, JSON or an ICS calendar: the same export behind the button and {@code dkm tokens --export}. */
public final class CredentialExport {
    public enum Format {
        CSV, JSON, ICS;

        public static Format parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format '" + text + "': use csv, json or ics");
            }
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> COLUMNS = List.of("kind", "name", "instance", "where", "scopes", "created",
            "expires", "days_left", "band", "last_used", "revoked", "token", "used_by");

    private final LocalDate today;
    private final Instant now;
    private final List<Integer> reminderDays;

    public CredentialExport(LocalDate today, Instant now, List<Integer> reminderDays) {
        this.today = today;
        this.now = now;
        this.reminderDays = List.copyOf(reminderDays);
    }

    public String render(Format format, List<CredentialItem> items) {
        return switch (format) {
            case CSV -> csv(items);
            case JSON -> json(items);
            case ICS -> new IcsCalendarWriter(reminderDays, now).write(items);
        };
    }

    private String csv(List<CredentialItem> items) {
        CsvWriter csv = new CsvWriter().row(COLUMNS);
        for (CredentialItem i : items) {
            Long days = i.daysLeft(today);
            csv.row(java.util.Arrays.asList(i.kind().id(), i.name(), i.instance(), i.where(), String.join(" ", i.scopes()),
                    str(i.createdAt()), str(i.expiresOn()), days == null ? "" : days.toString(), i.band(today).id(),
                    str(i.lastUsedAt()), String.valueOf(i.revoked()), str(i.redacted()), String.join(" ", i.dependents())));
        }
        return csv.toString();
    }

    private String json(List<CredentialItem> items) {
        JsonArray array = new JsonArray();
        for (CredentialItem i : items) {
            JsonObject o = new JsonObject();
            o.addProperty("id", i.id());
            o.addProperty("kind", i.kind().id());
            o.addProperty("name", i.name());
            o.addProperty("instance", i.instance());
            o.addProperty("where", i.where());
            JsonArray scopes = new JsonArray();
            i.scopes().forEach(scopes::add);
            o.add("scopes", scopes);
            o.addProperty("createdAt", str(i.createdAt()));
            o.addProperty("expiresAt", str(i.expiresOn()));
            o.addProperty("daysLeft", i.daysLeft(today));
            o.addProperty("band", i.band(today).id());
            o.addProperty("lastUsedAt", str(i.lastUsedAt()));
            o.addProperty("revoked", i.revoked());
            o.addProperty("token", i.redacted());
            JsonArray deps = new JsonArray();
            i.dependents().forEach(deps::add);
            o.add("usedBy", deps);
            array.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(array) + "\n";
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
