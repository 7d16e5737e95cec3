package dev.dkm.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code settings.json} in the config dir. {@link #load()} is lenient: no file gives the defaults, unknown
 * fields are ignored, missing ones take defaults, and an unreadable file is moved aside to
 * {@code settings.json.bad} (not lost) before the defaults are used. {@link #save(Settings)} is atomic, 0600.
 */
public final class SettingsStore {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .registerTypeHierarchyAdapter(Path.class, new PathAdapter().nullSafe())
            .create();

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore at(AppDirs dirs) {
        return new SettingsStore(dirs.settingsFile());
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            Settings s = GSON.fromJson(json, Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (RuntimeException e) { // JsonParseException, or a record constructor refusing a value
            moveAside();
            return Settings.defaults();
        }
    }

    public void save(Settings settings) {
        try {
            AtomicFiles.write(file, GSON.toJson(settings).getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void moveAside() {
        try {
            AtomicFiles.moveAside(file, ".bad");
        } catch (IOException ignored) {
            // the next save replaces it anyway
        }
    }

    private static final class PathAdapter extends TypeAdapter<Path> {
        @Override
        public void write(JsonWriter out, Path value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Path read(JsonReader in) throws IOException {
            String s = in.nextString();
            return s.isBlank() ? null : Path.of(s);
        }
    }
}
