package dev.dkm.gitlab;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.dkm.remote.Secret;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The lenient Gson GitLab's answers need: datetimes with or without milliseconds and with any offset, plain
 * dates where access tokens use them (and either form wherever), and tokens read straight into {@link Secret}
 * so no DTO's {@code toString()} can print one.
 */
public final class GitLabJson {
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
            .registerTypeAdapter(Secret.class, new SecretAdapter().nullSafe())
            .create();

    private GitLabJson() {}

    public static Gson gson() {
        return GSON;
    }

    /** {@code 2024-10-03T01:32:21.992Z}, {@code 2013-10-02T10:12:29Z}, {@code …+02:00}, or a date (midnight UTC). */
    static Instant parseInstant(String text) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new JsonParseException("not a GitLab datetime: " + s, e);
        }
    }

    static LocalDate parseDate(String text) {
        String s = text.strip();
        try {
            return s.length() == 10 ? LocalDate.parse(s) : parseInstant(s).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new JsonParseException("not a GitLab date: " + s, e);
        }
    }

    private static String readNonEmpty(JsonReader in) throws IOException {
        String s = in.nextString();
        return s.isBlank() ? null : s;
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(DateTimeFormatter.ISO_INSTANT.format(value));
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            String s = readNonEmpty(in);
            return s == null ? null : parseInstant(s);
        }
    }

    private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
        @Override
        public void write(JsonWriter out, LocalDate value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public LocalDate read(JsonReader in) throws IOException {
            String s = readNonEmpty(in);
            return s == null ? null : parseDate(s);
        }
    }

    private static final class SecretAdapter extends TypeAdapter<Secret> {
        @Override
        public void write(JsonWriter out, Secret value) {
            throw new UnsupportedOperationException("tokens are never serialized by the GitLab client");
        }

        @Override
        public Secret read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                in.skipValue();
                return null;
            }
            return Secret.of(in.nextString());
        }
    }
}
