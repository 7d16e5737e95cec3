package dev.dkm.registry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.process.ProcessRunner;
import dev.dkm.remote.Secret;
import dev.dkm.remote.UrlRedactor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code docker-credential-NAME} program, spoken to with the docker credential helper protocol:
 * {@code store} reads {@code {"ServerURL","Username","Secret"}} on stdin, {@code get} reads the server URL and
 * prints the same object, {@code erase} reads the server URL.
 */
final class CredentialHelper {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path executable;
    private final Duration timeout;

    CredentialHelper(String name, Path executable) {
        this(name, executable, DEFAULT_TIMEOUT);
    }

    CredentialHelper(String name, Path executable, Duration timeout) {
        this.name = name;
        this.executable = executable;
        this.timeout = timeout;
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
        ProcessRunner.Result r = ProcessRunner.run(ProcessRunner.Command.of(List.of(executable.toString(), verb), timeout)
                .stdin(stdin.getBytes(StandardCharsets.UTF_8)));
        if (r.timedOut()) {
            throw new IOException("docker-credential-" + name + " " + verb + " did not answer within " + timeout.toSeconds()
                    + " s (stopped it)");
        }
        if (r.exitCode() != 0) {
            // The helper's output never contains our secret (it was only on its stdin); still, one redacted line.
            String said = (r.stdout() + " " + r.stderr()).strip();
            throw new IOException("docker-credential-" + name + " " + verb + " failed" + (said.isEmpty() ? ""
                    : ": " + UrlRedactor.redact(said.length() > 300 ? said.substring(0, 300) + "…" : said)));
        }
        return r.stdout();
    }
}
