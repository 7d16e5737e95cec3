package dev.dkm.instances;

import dev.dkm.credentials.TokenStore;
import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.GitLabUser;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceLookup;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Logs in to an instance: checks the token against GitLab ({@code /user}, {@code /version},
 * {@code /personal_access_tokens/self}), and only then stores it and remembers the instance.
 * Throws {@link GitLabException} when GitLab refuses (nothing is stored then).
 */
public final class InstanceLogin {
    private final SettingsStore settings;
    private final TokenStore tokens;
    private final ClientFactory clients;
    private final Clock clock;

    public InstanceLogin(SettingsStore settings, TokenStore tokens, ClientFactory clients, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.clients = clients;
        this.clock = clock;
    }

    /** {@code host} is a URL or a bare host name; {@code caFile} may be null (keeps what is configured). */
    public LoginResult login(String host, Secret token, Path caFile) {
        Settings current = settings.load();
        InstanceSettings instance = new InstanceLookup(current).forBaseUrl(host)
                .orElseGet(() -> InstanceSettings.of(host));
        if (caFile != null) {
            instance = instance.withCaFile(caFile.toAbsolutePath());
        }
        GitLabUser user;
        String version;
        AccessToken info;
        try (GitLabClient client = clients.open(instance, token)) {
            user = client.currentUser();
            version = client.version().version();
            info = describe(client);
        }
        tokens.store(instance.baseUrl(), token);
        if (!instance.equals(InstanceLookup.GITLAB_COM) || current.instance(instance.baseUrl()).isPresent()) {
            settings.save(current.withInstance(instance));
        }
        return new LoginResult(instance.baseUrl(), user, version, info, token.redacted(),
                TokenWarnings.about(info, LocalDate.now(clock)), tokens.storageDescription());
    }

    /** The token's own description, or null for tokens GitLab will not describe (400 not a PAT, 404 too old). */
    private static AccessToken describe(GitLabClient client) {
        try {
            return client.personalAccessTokenSelf();
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.VALIDATION || e.kind() == GitLabErrorKind.NOT_FOUND
                    || e.kind() == GitLabErrorKind.FORBIDDEN) {
                return null;
            }
            throw e;
        }
    }
}
