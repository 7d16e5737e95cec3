package dev.dkm.credentials;

import dev.dkm.remote.Secret;
import java.util.Optional;

/**
 * The keyring, plus the 0600 file a run without a keyring may have left behind: tokens are read from the
 * keyring first, then the file; storing or deleting a token takes it out of the file, so the file empties
 * itself as tokens move into the keyring.
 */
final class MigratingTokenStore implements TokenStore {
    private final TokenStore keyring;
    private final TokenStore leftover;

    MigratingTokenStore(TokenStore keyring, TokenStore leftover) {
        this.keyring = keyring;
        this.leftover = leftover;
    }

    @Override
    public Optional<Secret> read(String instanceUrl) {
        Optional<Secret> token = keyring.read(instanceUrl);
        return token.isPresent() ? token : leftover.read(instanceUrl);
    }

    @Override
    public void store(String instanceUrl, Secret token) {
        keyring.store(instanceUrl, token);
        leftover.delete(instanceUrl);
    }

    @Override
    public boolean delete(String instanceUrl) {
        boolean fromKeyring = keyring.delete(instanceUrl);
        return leftover.delete(instanceUrl) || fromKeyring;
    }

    @Override
    public String storageDescription() {
        return keyring.storageDescription();
    }

    @Override
    public boolean isKeyring() {
        return keyring.isKeyring();
    }
}
