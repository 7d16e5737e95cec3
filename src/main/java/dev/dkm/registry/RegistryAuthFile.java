package dev.dkm.registry;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.files.AtomicFiles;
import dev.dkm.files.BoundedReader;
import dev.dkm.files.FileMode;
import dev.dkm.remote.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A docker {@code config.json} or podman {@code auth.json}. Logging in touches one registry's entry and nothing
 * else in the file; the file is replaced atomically, keeps its mode if it existed, and is created 0600 (in a
 * 0700 directory) if not. When the file names a {@code credHelpers} entry for the registry, or a
 * {@code credsStore}, the secret goes to that helper and never into the file, as {@code docker login} does.
 */
public final class RegistryAuthFile {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;
    private final String pathVariable;

    /** @param pathVariable the PATH to find {@code docker-credential-*} helpers on */
    public RegistryAuthFile(Path file, String pathVariable) {
        this.file = file;
        this.pathVariable = pathVariable;
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path dockerConfig(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return (dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker")).resolve("config.json");
    }

    /** {@code $REGISTRY_AUTH_FILE}, else {@code $XDG_RUNTIME_DIR/containers/auth.json}, as podman looks. */
    public static Optional<Path> podmanAuth(Map<String, String> env) {
        String explicit = env.get("REGISTRY_AUTH_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime == null || runtime.isBlank() ? Optional.empty()
                : Optional.of(Path.of(runtime, "containers", "auth.json"));
    }

    public Path file() {
        return file;
    }

    public RegistryLoginResult login(RegistryCredential credential) throws IOException {
        JsonObject root = read();
        Optional<String> helperName = helperFor(root, credential.registry());
        if (helperName.isPresent()) {
            CredentialHelper helper = CredentialHelper.find(helperName.get(), pathVariable)
                    .orElseThrow(() -> new IOException(file + " names the credential helper docker-credential-"
                            + helperName.get() + ", which is not on PATH; not writing the token in plain text instead"));
            RegistryCredential previous = helper.get(credential.registry()).orElse(null);
            helper.store(credential);
            return new RegistryLoginResult(file, helper.name(), previous);
        }
        RegistryCredential previous = authsEntry(root, credential.registry()).orElse(null);
        JsonObject auths = root.has("auths") && root.get("auths").isJsonObject() ? root.getAsJsonObject("auths") : new JsonObject();
        JsonObject entry = new JsonObject();
        String pair = credential.username() + ":" + credential.secret().reveal();
        entry.addProperty("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        auths.add(credential.registry(), entry);
        root.add("auths", auths);
        write(root);
        return new RegistryLoginResult(file, null, previous);
    }

    /** Puts back what {@link #login} replaced: the previous credential, or no entry at all. */
    public void undo(RegistryLoginResult result, String registry) throws IOException {
        if (result.helper() != null) {
            CredentialHelper helper = CredentialHelper.find(result.helper(), pathVariable)
                    .orElseThrow(() -> new IOException("docker-credential-" + result.helper() + " is gone from PATH"));
            if (result.previous() != null) {
                helper.store(result.previous());
            } else {
                helper.erase(registry);
            }
            return;
        }
        if (result.previous() != null) {
            login(result.previous());
            return;
        }
        JsonObject root = read();
        if (root.has("auths") && root.get("auths").isJsonObject()) {
            root.getAsJsonObject("auths").remove(registry);
        }
        write(root);
    }

    /** The credential stored for {@code registry} in the file itself (not in a helper), if any. */
    public Optional<RegistryCredential> storedInFile(String registry) throws IOException {
        return authsEntry(read(), registry);
    }

    private static Optional<String> helperFor(JsonObject root, String registry) {
        if (root.has("credHelpers") && root.get("credHelpers").isJsonObject()) {
            JsonElement h = root.getAsJsonObject("credHelpers").get(registry);
            if (h != null && h.isJsonPrimitive() && !h.getAsString().isBlank()) {
                return Optional.of(h.getAsString());
            }
        }
        JsonElement store = root.get("credsStore");
        return store != null && store.isJsonPrimitive() && !store.getAsString().isBlank()
                ? Optional.of(store.getAsString()) : Optional.empty();
    }

    private static Optional<RegistryCredential> authsEntry(JsonObject root, String registry) {
        if (!root.has("auths") || !root.get("auths").isJsonObject()) {
            return Optional.empty();
        }
        JsonElement e = root.getAsJsonObject("auths").get(registry);
        if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has("auth")) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(e.getAsJsonObject().get("auth").getAsString()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new RegistryCredential(registry, decoded.substring(0, colon), Secret.of(decoded.substring(colon + 1))));
    }

    private JsonObject read() throws IOException {
        if (!Files.exists(file)) {
            return new JsonObject();
        }
        String text = BoundedReader.readText(file);
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            // Gson's message quotes the text around the error, and this file is full of credentials: say where only.
            throw new IOException(file + " is not valid JSON" + where(e) + "; not touching it");
        }
    }

    /** " (line 3 column 7)" from Gson's message, and nothing else of it. */
    private static String where(RuntimeException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)")
                .matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (line " + m.group(1) + " column " + m.group(2) + ")" : "";
    }

    private void write(JsonObject root) throws IOException {
        // Keeps the mode of an existing file (and writes through a symbolic link); a new one is 0600 in a 0700 folder.
        AtomicFiles.write(file, (PRETTY.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
    }

    /** What to type to do the same by hand; the token itself is never in it. */
    public static String equivalentCommand(String tool, RegistryCredential credential) {
        return "printf '%s' \"$TOKEN\" | " + tool + " login " + credential.registry() + " -u " + credential.username()
                + " --password-stdin   # TOKEN = " + credential.secret().redacted();
    }
}
