package dev.dkm.credentials;

import dev.dkm.settings.AppDirs;

/** Picks where tokens live: the OS keyring when it answers, else the 0600 file in the config dir. */
public final class TokenStores {
    private TokenStores() {}

    public static TokenStore open(AppDirs dirs) {
        try {
            return KeyringTokenStore.open();
        } catch (KeyringUnavailableException e) {
            return fileStore(dirs, e.getMessage());
        }
    }

    public static FileTokenStore fileStore(AppDirs dirs, String why) {
        return new FileTokenStore(dirs.credentialsFile(), why);
    }
}
