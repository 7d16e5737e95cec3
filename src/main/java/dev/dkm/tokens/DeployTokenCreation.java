package dev.dkm.tokens;

import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** The "create a deploy token" use case behind the wizard and {@code dkm deploy-token create}. */
public final class DeployTokenCreation {
    private final Supplier<GitLabClient> client;

    public DeployTokenCreation(GitLabClient client) {
        this(() -> client);
    }

    /** With the client of the instance chosen at the moment of creating (the window's instances may change meanwhile). */
    public DeployTokenCreation(Supplier<GitLabClient> client) {
        this.client = client;
    }

    /** Creates it or throws: {@link IllegalArgumentException} for a request GitLab would refuse, else GitLab's error. */
    public CreatedDeployToken create(DeployTokenRequest request, LocalDate today) {
        String problem = request.problem(today);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        DeployToken t = client.get().createDeployToken(request.scope(), request.path(), request.name(), request.scopes(),
                request.expiresOn() == null ? null : request.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                request.username());
        if (t.token() == null || t.id() == null) {
            throw new IllegalStateException("GitLab created the deploy token but did not return its value; revoke it and try again");
        }
        return new CreatedDeployToken(request.scope(), request.path(), t.id(), t.name(), t.username(),
                t.scopes() == null ? request.scopes() : t.scopes(), CredentialBook.dateOf(t.expiresAt()), t.token());
    }
}
