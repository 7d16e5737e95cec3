package dev.dkm.setup;

import java.time.LocalDate;

/**
 * What the user chose for a setup.
 *
 * @param remote              the remote to wire ({@code origin} by default)
 * @param readOnly            register without {@code can_push} (read-write is the default, as in the manual recipe)
 * @param sharedKey           one key for this environment, enabled on every project, instead of one per repository
 * @param expiresOn           optional expiry of the deploy key
 * @param acceptHostKey       a SHA256 fingerprint the user already confirmed (CLI {@code --accept-host-key}), or null
 * @param allowProtectedPush  when the default branch is protected so that the key cannot push, add the key to
 *                            its "Allowed to push" list (GitLab 17.5+)
 */
public record SetupOptions(String remote, boolean readOnly, boolean sharedKey, LocalDate expiresOn,
        String acceptHostKey, boolean allowProtectedPush) {

    public static SetupOptions defaults() {
        return new SetupOptions("origin", false, false, null, null, false);
    }

    public SetupOptions withRemote(String r) {
        return new SetupOptions(r, readOnly, sharedKey, expiresOn, acceptHostKey, allowProtectedPush);
    }

    public SetupOptions withReadOnly(boolean ro) {
        return new SetupOptions(remote, ro, sharedKey, expiresOn, acceptHostKey, allowProtectedPush);
    }

    public SetupOptions withSharedKey(boolean shared) {
        return new SetupOptions(remote, readOnly, shared, expiresOn, acceptHostKey, allowProtectedPush);
    }

    public SetupOptions withExpiresOn(LocalDate date) {
        return new SetupOptions(remote, readOnly, sharedKey, date, acceptHostKey, allowProtectedPush);
    }

    public SetupOptions withAcceptHostKey(String fingerprint) {
        return new SetupOptions(remote, readOnly, sharedKey, expiresOn, fingerprint, allowProtectedPush);
    }

    public SetupOptions withAllowProtectedPush(boolean allow) {
        return new SetupOptions(remote, readOnly, sharedKey, expiresOn, acceptHostKey, allow);
    }
}
