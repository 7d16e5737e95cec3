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
import java.util.ArrayList;
import java.util.List;

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
        InstanceSettings instance = instanceFor(current, host, caFile);
        LoginResult checked = check(instance, token);
        tokens.store(instance.baseUrl(), token);
        if (!instance.equals(InstanceLookup.GITLAB_COM) || current.instance(instance.baseUrl()).isPresent()) {
            settings.save(current.withInstance(instance));
        }
        return new LoginResult(checked.instanceUrl(), checked.user(), checked.gitlabVersion(), checked.tokenInfo(),
                checked.tokenRedacted(), checked.warnings(), tokens.storageDescription());
    }

    /**
     * The same checks as {@link #login} ("Test connection"), storing nothing: the result's {@code storedIn} is null.
     */
    public LoginResult check(String host, Secret token, Path caFile) {
        return check(instanceFor(settings.load(), host, caFile), token);
    }

    /** Where {@link #login} will keep the token, in words for the user. */
    public String storageDescription() {
        return tokens.storageDescription();
    }

    /** True when {@link #login} keeps the token in the OS keyring, false for the 0600 file. */
    public boolean storesInKeyring() {
        return tokens.isKeyring();
    }

    private static InstanceSettings instanceFor(Settings current, String host, Path caFile) {
        InstanceSettings instance = new InstanceLookup(current).forBaseUrl(host)
                .orElseGet(() -> InstanceSettings.of(host));
        return caFile == null ? instance : instance.withCaFile(caFile.toAbsolutePath());
    }

    private LoginResult check(InstanceSettings instance, Secret token) {
        try (GitLabClient client = clients.open(instance, token)) {
            GitLabUser user = client.currentUser();
            String version = client.version().version();
            AccessToken info = describe(client);
            List<String> warnings = new ArrayList<>(TokenWarnings.aboutTransport(instance.baseUrl()));
            warnings.addAll(TokenWarnings.about(info, LocalDate.now(clock)));
            return new LoginResult(instance.baseUrl(), user, version, info, token.redacted(), warnings, null);
        }
    }

    /** The token's own description, or null for tokens GitLab will not describe (400 not a PAT, 404 too old). */
    static AccessToken describe(GitLabClient client) {
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
