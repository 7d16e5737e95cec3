package dev.dkm.credentials;

import dev.dkm.remote.Secret;
import java.util.Optional;

/**
 * Where API tokens are kept, one per GitLab instance (keyed by its normalized base URL). Open the right
 * one with {@link TokenStores#open}; tell the user {@link #storageDescription()} when storing.
 * Failures throw {@link TokenStorageException}, whose message never contains a token.
 */
public interface TokenStore {
    Optional<Secret> read(String instanceUrl);

    void store(String instanceUrl, Secret token);

    /** True when a token was there and is gone now. */
    boolean delete(String instanceUrl);

    /** Where the tokens are, in words for the user: "OS keyring (Secret Service)" or the file and why. */
    String storageDescription();

    /** True for the OS keyring, false for the file fallback. */
    boolean isKeyring();
}
