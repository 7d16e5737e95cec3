package dev.dkm.instances;

import dev.dkm.credentials.TokenStore;
import dev.dkm.settings.InstanceSettings;

/** Forgets the stored token of an instance (the instance's settings stay). Does not revoke it on GitLab. */
public final class InstanceLogout {
    private final TokenStore tokens;

    public InstanceLogout(TokenStore tokens) {
        this.tokens = tokens;
    }

    public record Result(String instanceUrl, boolean removed, String storage) {}

    public Result logout(String host) {
        String url = InstanceSettings.normalizeUrl(host);
        return new Result(url, tokens.delete(url), tokens.storageDescription());
    }
}
