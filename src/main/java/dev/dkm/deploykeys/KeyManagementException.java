package dev.dkm.deploykeys;

/** A deploy key could not be listed, changed, removed or enabled; the message is one sentence for the user. */
public final class KeyManagementException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyManagementException(String userMessage) {
        super(userMessage);
    }

    public KeyManagementException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
