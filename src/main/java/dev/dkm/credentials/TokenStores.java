package dev.dkm.credentials;

import dev.dkm.settings.AppDirs;
import java.nio.file.Files;

/** Picks where tokens live: the OS keyring when it answers, else the 0600 file in the config dir. */
public final class TokenStores {
    private TokenStores() {}

    /** The keyring (reading tokens a keyring-less run left in the file too), or the file when there is no keyring. */
    public static TokenStore open(AppDirs dirs) {
        try {
            KeyringTokenStore keyring = KeyringTokenStore.open();
            return Files.exists(dirs.credentialsFile()) ? new MigratingTokenStore(keyring, fileStore(dirs, "")) : keyring;
        } catch (KeyringUnavailableException e) {
            return fileStore(dirs, e.getMessage());
        }
    }

    public static FileTokenStore fileStore(AppDirs dirs, String why) {
        return new FileTokenStore(dirs.credentialsFile(), why);
    }
}
