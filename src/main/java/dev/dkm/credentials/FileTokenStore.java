package dev.dkm.credentials;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.remote.Secret;
import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import dev.dkm.settings.InstanceSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback when there is no keyring: {@code credentials.json} in the config dir, owner-only (0600 from
 * the moment it exists, written atomically). Shape: {@code {"tokens":{"https://host":"…"}}}.
 */
public final class FileTokenStore implements TokenStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final String why;

    /** {@code why} is said in {@link #storageDescription()}, e.g. "no keyring available". */
    public FileTokenStore(Path file, String why) {
        this.file = file;
        this.why = why;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Secret> read(String instanceUrl) {
        JsonObject tokens = tokens();
        String key = InstanceSettings.normalizeUrl(instanceUrl);
        return tokens.has(key) && tokens.get(key).isJsonPrimitive()
                ? Optional.of(Secret.of(tokens.get(key).getAsString()))
                : Optional.empty();
    }

    @Override
    public synchronized void store(String instanceUrl, Secret token) {
        JsonObject tokens = tokens();
        tokens.addProperty(InstanceSettings.normalizeUrl(instanceUrl), token.reveal());
        write(tokens);
    }

    @Override
    public synchronized boolean delete(String instanceUrl) {
        JsonObject tokens = tokens();
        if (tokens.remove(InstanceSettings.normalizeUrl(instanceUrl)) == null) {
            return false;
        }
        write(tokens);
        return true;
    }

    @Override
    public String storageDescription() {
        return "file " + file + " (0600)" + (why == null || why.isBlank() ? "" : " — " + why);
    }

    @Override
    public boolean isKeyring() {
        return false;
    }

    private JsonObject tokens() {
        String json;
        try {
            tightenPermissions();
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException e) {
            throw new TokenStorageException("cannot read " + file, e);
        }
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            return root.has("tokens") && root.get("tokens").isJsonObject() ? root.getAsJsonObject("tokens") : new JsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            // no cause: a parse message could quote the file's content
            throw new TokenStorageException(file + " is not valid JSON; fix or delete it", null);
        }
    }

    private void write(JsonObject tokens) {
        JsonObject root = new JsonObject();
        root.add("tokens", tokens);
        try {
            AtomicFiles.write(file, new Gson().toJson(root).getBytes(StandardCharsets.UTF_8), FileMode.SECRET);
        } catch (IOException e) {
            throw new TokenStorageException("cannot write " + file, e);
        }
    }

    /** A file someone loosened by hand is put back to 0600 before its tokens are used. */
    private void tightenPermissions() throws IOException {
        if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
