package dev.dkm.registry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.remote.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code docker-credential-NAME} program, spoken to with the docker credential helper protocol:
 * {@code store} reads {@code {"ServerURL","Username","Secret"}} on stdin, {@code get} reads the server URL and
 * prints the same object, {@code erase} reads the server URL.
 */
final class CredentialHelper {
    private final String name;
    private final Path executable;

    CredentialHelper(String name, Path executable) {
        this.name = name;
        this.executable = executable;
    }

    /** Finds {@code docker-credential-NAME} on the given PATH value. */
    static Optional<CredentialHelper> find(String name, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "docker-credential-" + name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(new CredentialHelper(name, candidate));
            }
        }
        return Optional.empty();
    }

    String name() {
        return name;
    }

    void store(RegistryCredential credential) throws IOException {
        JsonObject payload = new JsonObject();
        payload.addProperty("ServerURL", credential.registry());
        payload.addProperty("Username", credential.username());
        payload.addProperty("Secret", credential.secret().reveal());
        call("store", payload.toString());
    }

    Optional<RegistryCredential> get(String registry) throws IOException {
        String out;
        try {
            out = call("get", registry);
        } catch (IOException notFound) {
            return Optional.empty(); // helpers exit non-zero with "credentials not found in native keychain"
        }
        if (out.isBlank()) {
            return Optional.empty(); // some helpers answer "nothing stored" with no output and exit 0
        }
        try {
            JsonObject o = JsonParser.parseString(out).getAsJsonObject();
            return Optional.of(new RegistryCredential(registry, o.get("Username").getAsString(), Secret.of(o.get("Secret").getAsString())));
        } catch (RuntimeException notItsJson) {
            // never the output in the message: it may hold a secret
            throw new IOException("docker-credential-" + name + " get answered something that is not a credential's JSON");
        }
    }

    void erase(String registry) throws IOException {
        call("erase", registry);
    }

    private String call(String verb, String stdin) throws IOException {
        Process p = new ProcessBuilder(executable.toString(), verb).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("docker-credential-" + name + " " + verb + " did not answer within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            // The helper's output never contains our secret (it was only on its stdin), so it is safe to show.
            throw new IOException("docker-credential-" + name + " " + verb + " failed: " + out.strip());
        }
        return out;
    }
}
