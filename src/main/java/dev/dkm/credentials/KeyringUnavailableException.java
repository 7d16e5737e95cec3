package dev.dkm.credentials;

/** There is no usable OS keyring here (no Secret Service on the session bus, or it failed). */
public final class KeyringUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyringUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
