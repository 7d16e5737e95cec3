package dev.dkm.workspace;

import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;
import java.nio.file.Path;

/**
 * A secret git would send for a remote, and where it lives.
 *
 * @param location what holds it: {@code url}, {@code pushurl}, {@code insteadOf} (a remote URL or rule),
 *                 {@code extraHeader} ({@code http.extraHeader} or {@code http.<url>.extraHeader}), or
 *                 {@code credential-store} (a line of a {@code git credential-store} file)
 * @param user     the user name it goes with ({@code oauth2}, {@code gitlab+deploy-token-7} …), may be null
 * @param file     the file it is written in, or null when not known (built by hand)
 * @param origin   that file as people read it: {@code config}, {@code config.worktree}, {@code global:PATH},
 *                 {@code system:PATH}, {@code include:PATH}, {@code credential-store:PATH}; null with {@code file}
 * @param key      the config key or store entry it sits under, redacted ({@code http.https://h/.extraheader},
 *                 {@code https://oauth2@h}), or null
 * @param shared   true when the file is not the repository's own config: other repositories may use it too
 */
public record FoundToken(String location, TokenKind kind, String user, Secret secret, Path file, String origin,
        String key, boolean shared) {

    public FoundToken(String location, TokenKind kind, String user, Secret secret) {
        this(location, kind, user, secret, null, null, null, false);
    }

    /** Sits in a remote URL or an insteadOf rule (wherever that is written), not in a header or a store. */
    public boolean inUrl() {
        return location.equals("url") || location.equals("pushurl") || location.equals("insteadOf");
    }

    /** {@code location} with its file when that is not the repository's config: {@code extraHeader in global:~/.gitconfig}. */
    public String where() {
        if (location.equals("credential-store")) {
            return origin == null ? location : origin;
        }
        return origin == null || origin.equals("config") ? location : location + " in " + origin;
    }
}
