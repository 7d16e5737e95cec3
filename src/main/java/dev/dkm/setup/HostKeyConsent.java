package dev.dkm.setup;

import dev.dkm.keys.HostKeyStatus;

/**
 * Asks the user whether to trust a host key never seen before (GUI dialog, CLI prompt). Never asked for a changed
 * key: that stops the setup.
 */
@FunctionalInterface
public interface HostKeyConsent {
    /** Refuses everything: for unattended runs without {@code --accept-host-key}. */
    HostKeyConsent REFUSE = status -> false;

    boolean trust(HostKeyStatus unknownKey);

    /** Trusts exactly the key with this SHA256 fingerprint (the CLI's {@code --accept-host-key}). */
    static HostKeyConsent fingerprint(String sha256) {
        return status -> sha256 != null && sha256.equals(status.fingerprint());
    }
}
