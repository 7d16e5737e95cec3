package dev.dkm.instances;

import dev.dkm.credentials.TokenStore;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;

/**
 * Forgets the stored token of an instance (the instance's settings stay), or with {@link #remove} the instance too.
 * Does not revoke the token on GitLab.
 */
public final class InstanceLogout {
    private final TokenStore tokens;
    private final SettingsStore settings;

    public InstanceLogout(TokenStore tokens) {
        this(tokens, null);
    }

    /** {@code settings}: where {@link #remove} forgets the instance. */
    public InstanceLogout(TokenStore tokens, SettingsStore settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    public record Result(String instanceUrl, boolean removed, String storage) {}

    public Result logout(String host) {
        String url = InstanceSettings.normalizeUrl(host);
        return new Result(url, tokens.delete(url), tokens.storageDescription());
    }

    /** Logs out and forgets the instance's settings (URL, CA file, proxy), so it is no longer listed. */
    public Result remove(String host) {
        Result result = logout(host);
        if (settings == null) {
            throw new IllegalStateException("no settings store to remove " + result.instanceUrl() + " from");
        }
        Settings current = settings.load();
        if (current.instance(result.instanceUrl()).isPresent()) {
            settings.save(current.withoutInstance(result.instanceUrl()));
        }
        return result;
    }
}
