package dev.dkm.credentials;

/** The token could not be stored, read or deleted. Never carries the token itself. */
public final class TokenStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
