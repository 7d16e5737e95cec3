package dev.dkm.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Reads and writes the sandbox state as {@code state.json} in the data directory, atomically. */
final class StateStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
    private final Path file;

    StateStore(Path dataDir) {
        this.file = dataDir.resolve("state.json");
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    SandboxData load() {
        if (!exists()) {
            return new SandboxData();
        }
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), SandboxData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The state as the JSON {@link #write} stores: taken under the state's lock, written outside it. */
    String json(SandboxData data) {
        return GSON.toJson(data);
    }

    void write(String json) {
        try {
            Path tmp = file.resolveSibling("state.json.tmp");
            Files.deleteIfExists(tmp);
            // It holds the sandbox's token secrets: readable by the owner only.
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
