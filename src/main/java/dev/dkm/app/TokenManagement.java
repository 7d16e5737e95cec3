package dev.dkm.app;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.task.Progress;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.CredentialCollector;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.DeployTokenRevocation;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.InstanceConnection;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.tokens.StepReport;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The token features as one use case for the Tokens tab and {@code dkm tokens | deploy-token | docker-login}: the
 * same workspace roots (the settings' unless ROOT is given), every instance with a token, the same notes, and the
 * instance of the one rule ({@code --host} › {@code GITLAB_HOST} › the only configured one) asked at the moment of use,
 * so an instance added or logged in to meanwhile is seen.
 */
public final class TokenManagement {
    /** The environment variables the registry logins read (docker's and podman's files, the helpers' PATH). */
    private static final List<String> REGISTRY_ENV = List.of("DOCKER_CONFIG", "REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "PATH");

    private final AppServices services;

    public TokenManagement(AppServices services) {
        this.services = services;
    }

    /** {@code given} when there are any, else the window's workspace roots. */
    public List<Path> roots(List<Path> given) {
        return given == null || given.isEmpty() ? new WorkspaceRoots(services.dirs()).load() : List.copyOf(given);
    }

    public List<RepoInfo> scan(List<Path> roots, Progress progress) {
        return services.scanner().scan(roots, progress);
    }

    /** Every credential in sight of {@code repos} on every instance with a token (the tab's Refresh and dkm tokens). */
    public CollectionResult collect(List<RepoInfo> repos, boolean inspectUrlTokens, Progress progress) {
        return new CredentialCollector(inspectUrlTokens).collect(repos, services.tokenConnections(), progress);
    }

    /** The instance deploy tokens are managed on now; fails with a sentence when there is none or it has no token. */
    public InstanceConnection instance() {
        return services.connections().forCommand();
    }

    /** The instance of a credential the dashboard shows, when it still has a token; else the instance of the rule. */
    public InstanceConnection instance(String baseUrl) {
        if (baseUrl != null) {
            String url = InstanceSettings.normalizeUrl(baseUrl);
            for (InstanceConnection c : services.tokenConnections()) {
                if (c.baseUrl().equals(url)) {
                    return c;
                }
            }
        }
        return instance();
    }

    public CreatedDeployToken create(DeployTokenRequest request, LocalDate today) {
        return creation().create(request, today);
    }

    /** Creation on the instance of the rule as it is when the user presses Create. */
    public DeployTokenCreation creation() {
        return new DeployTokenCreation(() -> instance().client());
    }

    /** A rotation on the token's own instance, reporting each step. */
    public DeployTokenRotation rotation(String instanceUrl, Consumer<StepReport> listener) {
        return new DeployTokenRotation(instance(instanceUrl).client(), listener);
    }

    public String revoke(Scope scope, String path, long tokenId) {
        return new DeployTokenRevocation(instance().client()).revoke(scope, path, tokenId);
    }

    /** The registry host of the instance of the rule (settings only: no token read, no call), or null. */
    public String registryHost() {
        return services.instances().forCommand().instance().registryHost();
    }

    /** Docker's login file for {@code registry} ({@code $DOCKER_CONFIG} or ~/.docker). */
    public RegistryTarget docker(String registry) {
        return RegistryTarget.docker(registry, registryEnv(), services.dirs().home());
    }

    /** Podman's auth file for {@code registry}; fails when neither REGISTRY_AUTH_FILE nor XDG_RUNTIME_DIR is set. */
    public RegistryTarget podman(String registry) {
        return RegistryTarget.podman(registry, registryEnv());
    }

    private Map<String, String> registryEnv() {
        Map<String, String> env = new HashMap<>();
        for (String name : REGISTRY_ENV) {
            String v = services.env().apply(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        return env;
    }
}
