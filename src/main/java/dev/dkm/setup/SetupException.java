package dev.dkm.setup;

/** A setup that cannot even be planned (no such remote, project not found …), with one sentence for the user. */
public final class SetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public SetupException(String userMessage) {
        super(userMessage);
    }

    public SetupException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
