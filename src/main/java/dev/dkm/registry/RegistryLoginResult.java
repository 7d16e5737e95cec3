package dev.dkm.registry;

import java.nio.file.Path;

/**
 * Where a login went, for the user to read, and what to put back on undo.
 *
 * @param file     the config file that was read (and written, unless a helper took the secret)
 * @param helper   the credential helper that stored the secret, or null when it went into {@code auths}
 * @param previous the credential that was there before, or null
 */
public record RegistryLoginResult(Path file, String helper, RegistryCredential previous) {
    public String describe() {
        return helper != null
                ? "stored through docker-credential-" + helper + " (named in " + file + "), not in plain text"
                : "stored in " + file + " (auths entry, file mode 0600)";
    }
}
