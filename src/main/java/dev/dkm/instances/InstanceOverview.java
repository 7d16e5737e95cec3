package dev.dkm.instances;

import dev.dkm.credentials.CredentialResolver;
import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.settings.InstanceLookup;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.SettingsStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured instances (and GitLab.com when a token for it is known), with their tokens redacted. */
public final class InstanceOverview {
    private final SettingsStore settings;
    private final CredentialResolver credentials;
    private final ClientFactory clients;

    public InstanceOverview(SettingsStore settings, CredentialResolver credentials, ClientFactory clients) {
        this.settings = settings;
        this.credentials = credentials;
        this.clients = clients;
    }

    /**
     * {@code checkUsers}: ask each instance who the token belongs to and when it expires ({@code /user} and
     * {@code /personal_access_tokens/self}).
     */
    public List<InstanceStatus> list(boolean checkUsers) {
        List<InstanceStatus> result = new ArrayList<>();
        for (InstanceSettings instance : new InstanceLookup(settings.load()).all()) {
            Optional<CredentialResolver.ResolvedToken> token = credentials.tokenFor(instance.baseUrl());
            boolean configured = !instance.equals(InstanceLookup.GITLAB_COM) || token.isPresent();
            if (!configured) {
                continue;
            }
            String user = null;
            String problem = null;
            LocalDate expires = null;
            if (checkUsers && token.isPresent()) {
                try (GitLabClient client = clients.open(instance, token.get().token())) {
                    user = client.currentUser().username();
                    AccessToken info = InstanceLogin.describe(client);
                    expires = info == null ? null : info.expiresAt();
                } catch (GitLabException e) {
                    problem = e.userMessage(instance.baseUrl());
                }
            }
            result.add(new InstanceStatus(instance.baseUrl(),
                    token.map(t -> t.token().redacted()).orElse(null),
                    token.map(CredentialResolver.ResolvedToken::source).orElse(null),
                    user, problem, instance.caFile(), instance.proxy(), expires,
                    token.isPresent() && token.get().source().equals(credentials.store().storageDescription())
                            && credentials.store().isKeyring()));
        }
        return result;
    }
}
