package dev.dkm.gitlab;

import dev.dkm.remote.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The GitLab REST v4 client of one instance. Every method returns DTOs or throws {@link GitLabException};
 * lists are complete (all pages). Projects and groups are named by numeric id or full path
 * ({@code "42"} or {@code "group/sub/repo"}). Thread-safe; calls to one instance share a concurrency bound
 * and the rate-limit pacing.
 */
public final class GitLabClient implements AutoCloseable {
    private static final int PER_PAGE = Pager.PER_PAGE;
    private static final int MAINTAINER = 40;

    private final GitLabApi api;
    /** The same connection settings without the API token, for endpoints that take other credentials. */
    private final GitLabApi registryApi;
    private final Calls calls;
    private final Pager pager;
    private final OkHttpClient http;
    private final HttpUrl apiBase;
    private static final long TOKEN_CHECK_TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final java.util.concurrent.atomic.AtomicLong tokenCheckedAt = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<Optional<GitLabRelease>> release =
            new java.util.concurrent.atomic.AtomicReference<>();

    private GitLabClient(GitLabClientConfig config) {
        this.apiBase = apiBase(config.baseUrl);
        this.http = HttpClients.build(config, apiBase);
        this.api = new Retrofit.Builder()
                .baseUrl(apiBase)
                .client(http)
                .addConverterFactory(GsonConverterFactory.create(GitLabJson.gson()))
                .build()
                .create(GitLabApi.class);
        OkHttpClient.Builder anonymous = http.newBuilder();
        anonymous.networkInterceptors().removeIf(i -> i instanceof AuthInterceptor);
        this.registryApi = new Retrofit.Builder()
                .baseUrl(apiBase)
                .client(anonymous.build())
                .addConverterFactory(GsonConverterFactory.create(GitLabJson.gson()))
                .build()
                .create(GitLabApi.class);
        this.calls = new Calls(new GitLabErrors(config.token));
        this.pager = new Pager(calls, api, GitLabJson.gson());
    }

    public static GitLabClient create(GitLabClientConfig config) {
        return new GitLabClient(config);
    }

    /** A client with default settings: {@code baseUrl} is the instance's web URL, e.g. {@code https://gitlab.com}. */
    public static GitLabClient connect(String baseUrl, Secret token) {
        return create(GitLabClientConfig.builder(baseUrl, token).build());
    }

    /** {@code https://host[/prefix]} → {@code https://host[/prefix]/api/v4/}. */
    static HttpUrl apiBase(String baseUrl) {
        String s = baseUrl.strip().replaceAll("/+$", "");
        if (!s.endsWith("/api/v4")) {
            s = s + "/api/v4";
        }
        HttpUrl url = HttpUrl.parse(s + "/");
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return url;
    }

    public String apiUrl() {
        return apiBase.toString();
    }

    // --- instance and caller

    public GitLabVersion version() {
        return calls.body(api.version());
    }

    public GitLabMetadata metadata() {
        return calls.body(api.metadata());
    }

    /**
     * The instance's version, asked once per client ({@code GET /version}, or {@code /metadata} when that fails; both
     * answer to a {@code read_user} token too): empty when neither says. An answer, or a refusal, is kept for the
     * client's life; a passing failure (5xx, 429, time-out, network) is not, so a later call asks again. Callers adapt where GitLab's behaviour
     * changed ({@link GitLabRelease}'s constants).
     */
    public Optional<GitLabRelease> instanceVersion() {
        Optional<GitLabRelease> known = release.get();
        if (known != null) {
            return known;
        }
        // One request however many jobs ask at once (a bulk run's first repositories all do): the others wait for it.
        synchronized (release) {
            known = release.get();
            if (known != null) {
                return known;
            }
            Optional<GitLabRelease> found;
            try {
                found = GitLabRelease.parse(version().version());
            } catch (GitLabException e) {
                try {
                    found = GitLabRelease.parse(metadata().version());
                } catch (GitLabException again) {
                    if (passing(e) || passing(again)) {
                        return Optional.empty(); // not an answer: the next caller asks again
                    }
                    found = Optional.empty();
                }
            }
            release.set(found);
            return found;
        }
    }

    /**
     * A failure that says nothing about the instance (it was busy, slow or out of reach): a window open for days must
     * not go on without its version because GitLab was restarting when it first asked.
     */
    private static boolean passing(GitLabException e) {
        return switch (e.kind()) {
            case RATE_LIMITED, SERVER_ERROR, TIMEOUT, NETWORK -> true;
            default -> false;
        };
    }

    public GitLabUser currentUser() {
        GitLabUser user = calls.body(api.currentUser());
        long now = System.nanoTime();
        tokenCheckedAt.set(now == 0 ? 1 : now); // the token works: a 401 on an access-token route is then the role
        return user;
    }

    // --- projects and groups

    public Project project(String pathOrId) {
        return calls.body(api.project(pathOrId));
    }

    /** Projects the caller is a member of with at least {@code minAccessLevel} (40 = Maintainer), optionally matching {@code search}. */
    public List<Project> memberProjects(Integer minAccessLevel, String search) {
        return pager.all(api.projects(true, minAccessLevel, true, search, PER_PAGE));
    }

    public List<Project> projects(Boolean membership, Integer minAccessLevel, Boolean simple, String search) {
        return pager.all(api.projects(membership, minAccessLevel, simple, search, PER_PAGE));
    }

    public Group group(String pathOrId) {
        return calls.body(api.group(pathOrId));
    }

    public List<Group> groups(Integer minAccessLevel, String search) {
        return pager.all(api.groups(minAccessLevel, search, PER_PAGE));
    }

    // --- deploy keys

    /** Admin only; not on GitLab.com. */
    public List<DeployKey> instanceDeployKeys(Boolean onlyPublic) {
        return pager.all(api.instanceDeployKeys(onlyPublic, PER_PAGE));
    }

    /** Admin only, GitLab 17.5+. */
    public DeployKey createInstanceDeployKey(String title, String key, Instant expiresAt) {
        return calls.body(api.createInstanceDeployKey(new Requests.NewDeployKey(title, key, null, expiresAt)));
    }

    public List<DeployKey> projectDeployKeys(String project) {
        return pager.all(api.projectDeployKeys(project, PER_PAGE));
    }

    public DeployKey projectDeployKey(String project, long keyId) {
        return calls.body(api.projectDeployKey(project, keyId));
    }

    /** The project's deploy key with this public key (compared by type and blob), if attached. */
    public Optional<DeployKey> findProjectDeployKey(String project, String publicKey) {
        return projectDeployKeys(project).stream().filter(k -> k.sameKeyAs(publicKey)).findFirst();
    }

    /**
     * Adds a deploy key to a project. When the outcome of the POST is unknown (lost connection, 5xx), the
     * project's keys are checked before it is repeated. {@code expiresAt} may be null (never).
     */
    public DeployKey addDeployKey(String project, String title, String publicKey, boolean canPush, Instant expiresAt) {
        Requests.NewDeployKey body = new Requests.NewDeployKey(title, publicKey.strip(), canPush, expiresAt);
        return CreateIfAbsent.create(
                () -> calls.body(api.createProjectDeployKey(project, body)),
                () -> findProjectDeployKey(project, publicKey));
    }

    /** Changes title and/or can_push (null leaves it as is). */
    public DeployKey updateDeployKey(String project, long keyId, String title, Boolean canPush) {
        return calls.body(api.updateProjectDeployKey(project, keyId, new Requests.DeployKeyChange(title, canPush)));
    }

    public void deleteDeployKey(String project, long keyId) {
        calls.body(api.deleteProjectDeployKey(project, keyId));
    }

    /** Enables an existing key (from another project) on this one; it starts read-only. */
    public DeployKey enableDeployKey(String project, long keyId) {
        return calls.body(api.enableProjectDeployKey(project, keyId));
    }

    /** Deploy keys in projects the caller shares with that user (15.1+). */
    public List<DeployKey> userProjectDeployKeys(String userIdOrName) {
        return pager.all(api.userProjectDeployKeys(userIdOrName, PER_PAGE));
    }

    // --- deploy tokens

    public List<DeployToken> instanceDeployTokens(Boolean active) {
        return pager.all(api.instanceDeployTokens(active, PER_PAGE));
    }

    public List<DeployToken> deployTokens(Scope scope, String id, Boolean active) {
        return pager.all(api.deployTokens(scope.path, id, active, PER_PAGE));
    }

    public DeployToken deployToken(Scope scope, String id, long tokenId) {
        return calls.body(api.deployToken(scope.path, id, tokenId));
    }

    /**
     * Creates a deploy token; the answer carries the token value (only this once). Never repeated on an
     * unknown outcome: a second token would be created, and the first one's value cannot be read back.
     */
    public DeployToken createDeployToken(Scope scope, String id, String name, List<String> scopes, Instant expiresAt, String username) {
        return calls.body(api.createDeployToken(scope.path, id, new Requests.NewDeployToken(name, scopes, expiresAt, username)));
    }

    public void deleteDeployToken(Scope scope, String id, long tokenId) {
        calls.body(api.deleteDeployToken(scope.path, id, tokenId));
    }

    // --- access tokens

    /** The token this client uses (15.5+; 400 when it is not a personal access token). */
    public AccessToken personalAccessTokenSelf() {
        return calls.body(api.personalAccessTokenSelf());
    }

    public void revokePersonalAccessTokenSelf() {
        calls.body(api.revokePersonalAccessTokenSelf());
    }

    /** Rotates the token this client uses (16.10+); the answer carries the new token. This client keeps the old one. */
    public AccessToken rotatePersonalAccessTokenSelf(LocalDate expiresAt) {
        return calls.body(api.rotatePersonalAccessTokenSelf(new Requests.Rotation(expiresAt)));
    }

    /**
     * Personal access tokens: a non-admin sees their own; an admin sees everyone's unless {@code userId} narrows
     * it. {@code state} is "active", "inactive" or null.
     */
    public List<AccessToken> personalAccessTokens(Long userId, String state) {
        return pager.all(api.personalAccessTokens(userId, state, PER_PAGE));
    }

    /**
     * Project or group access tokens; {@code state} is "active", "inactive" or null. GitLab answers 401 here to a
     * valid token whose role is too low (lib/api/resource_access_tokens.rb: {@code next unauthorized! unless
     * current_user.can?(:read_resource_access_tokens, resource)}): the token is then checked once, and a valid one
     * turns the 401 into {@link GitLabErrorKind#FORBIDDEN} (role too low), so nobody is told to log in again for it.
     */
    public List<AccessToken> accessTokens(Scope scope, String id, String state) {
        try {
            return pager.all(api.accessTokens(scope.path, id, state, PER_PAGE));
        } catch (GitLabException e) {
            throw roleOrToken(e);
        }
    }

    /** A 401 from a route that also answers 401 for a role too low: which of the two it is. */
    private GitLabException roleOrToken(GitLabException e) {
        if (e.kind() != GitLabErrorKind.UNAUTHORIZED || !tokenIsValid()) {
            return e;
        }
        return GitLabException.roleTooLow(e);
    }

    /**
     * Whether GitLab accepts this client's token at all: {@code GET /user} (401 = unknown, expired or revoked; any
     * other answer, a 403 for a token without a user-reading scope too, means the token is valid). A positive
     * answer is remembered for a minute, so a hundred projects cost one check.
     */
    public boolean tokenIsValid() {
        long now = System.nanoTime();
        long checked = tokenCheckedAt.get();
        if (checked != 0 && now - checked < TOKEN_CHECK_TTL_NANOS) {
            return true;
        }
        try {
            calls.body(api.currentUser());
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.UNAUTHORIZED || e.kind() == GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED) {
                return false;
            }
            if (e.status() == 0) {
                throw e; // no answer: unknown, not invalid
            }
        }
        tokenCheckedAt.set(now == 0 ? 1 : now);
        return true;
    }

    // --- container registry

    /**
     * Whether the container registry accepts {@code username}/{@code token} for pulling from {@code projectPath}
     * (null: only whether it accepts the credential at all):
     * asks the instance's registry token endpoint ({@code /jwt/auth}) as {@code docker login} does. This client's
     * API token is not sent along, so only the given credential is tested.
     *
     * <p>GitLab (app/services/auth/container_registry_authentication_service.rb) answers 401 for bad credentials, 403
     * for a token without a registry scope, and <b>200 whatever the repository</b> for a registry-scoped one: the JWT's
     * {@code access} lists only what was granted ({@code []} for a repository the token does not cover). So for a
     * project, true only when the payload grants {@code pull} on {@code repository:<projectPath>}. Other answers throw.
     */
    public boolean registryAccepts(String projectPath, String username, Secret token) {
        HttpUrl.Builder url = apiBase.newBuilder().encodedPath(registryAuthPath()).query(null)
                .addQueryParameter("service", "container_registry");
        if (projectPath != null) {
            url.addQueryParameter("scope", "repository:" + projectPath + ":pull");
        }
        String basic = okhttp3.Credentials.basic(username, token.reveal(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            String body;
            try (ResponseBody answer = calls.response(registryApi.registryAuth(url.build().toString(), basic)).body()) {
                body = answer == null ? "" : answer.string();
            } catch (java.io.IOException e) {
                throw calls.errors().fromIo(e);
            }
            return projectPath == null || RegistryJwt.grantsPull(body, projectPath);
        } catch (GitLabException e) {
            if (e.status() == 401 || e.status() == 403) {
                return false;
            }
            throw e;
        }
    }

    /** {@code /prefix/api/v4/} → {@code /prefix/jwt/auth}. */
    private String registryAuthPath() {
        String path = apiBase.encodedPath();
        return path.substring(0, path.length() - "api/v4/".length()) + "jwt/auth";
    }

    // --- protected branches

    /** All the project's rules ({@code GET /projects/:id/protected_branches}, 100 a page), wildcards included. */
    public List<ProtectedBranch> protectedBranches(String project) {
        return pager.all(api.protectedBranches(project, PER_PAGE));
    }

    public ProtectedBranch protectedBranch(String project, String branch) {
        return calls.body(api.protectedBranch(project, branch));
    }

    /**
     * Protects {@code branch} allowing Maintainers and {@code deployKeyId} to push (17.5+). From 17.5 a rule created
     * naming a deploy key gets no default Maintainers entry, so {@code push_access_level: 40} is sent explicitly:
     * without it nobody but the key could push.
     */
    public ProtectedBranch protectBranchForDeployKey(String project, String branch, long deployKeyId) {
        var rule = new Requests.NewProtectedBranch(branch, MAINTAINER, null,
                List.of(new Requests.PushAllowance(deployKeyId, null)));
        return CreateIfAbsent.create(
                () -> calls.body(api.protectBranch(project, rule)),
                () -> existingProtectedBranch(project, branch));
    }

    /**
     * Protects {@code branch} by its exact name for {@code deployKeyId} alone (17.5+), beside the wildcard rules that
     * already match it: "No one" may push or merge besides the key. GitLab adds up the rules matching a branch
     * (ProtectedRef.access_levels_for_ref), so this rule lets the key push to this branch and opens nothing else: not
     * to Maintainers (a Maintainers entry would let them push where a wildcard says "No one"), not to other branches.
     * 409 when a rule of that name exists (lib/api/protected_branches.rb), 422 when the key cannot be named.
     */
    public ProtectedBranch protectBranchForDeployKeyOnly(String project, String branch, long deployKeyId) {
        var rule = new Requests.NewProtectedBranch(branch, 0, 0, List.of(new Requests.PushAllowance(deployKeyId, null)));
        return calls.body(api.protectBranch(project, rule));
    }

    /** {@code DELETE /projects/:id/protected_branches/:name}: the rule of that exact name goes. */
    public void unprotectBranch(String project, String branch) {
        calls.body(api.unprotectBranch(project, branch));
    }

    /**
     * Adds {@code deployKeyId} to Allowed to push of an existing rule (17.5+; the entries already there stay). GitLab
     * CE before 17.5 answers 200 and changes nothing: callers check the returned rule
     * ({@link ProtectedBranch#allowsDeployKeyToPush}). 422 when the key has no write access on the project or its
     * owner is not a member (ProtectedRefDeployKeyAccess).
     */
    public ProtectedBranch allowDeployKeyToPush(String project, String branch, long deployKeyId) {
        var change = new Requests.ProtectedBranchChange(List.of(new Requests.PushAllowance(deployKeyId, null)));
        return calls.body(api.updateProtectedBranch(project, branch, change));
    }

    /**
     * The protected-branch rules of many projects, asked through GraphQL in one request per 50 projects
     * ({@link DefaultBranchRules}), per project id. Projects it could not answer for certain (older GitLab, errors,
     * hidden, not Maintainer) are absent, and {@link BranchRules#of} says when a branch's answer is unsure: ask
     * {@link #protectedBranch} for those. Never throws for GraphQL's failures.
     */
    public java.util.Map<Long, BranchRules> branchRules(java.util.Collection<Long> projectIds) {
        return DefaultBranchRules.byId(projectIds, this::graphql);
    }

    /** As {@link #branchRules}, naming the projects by full path ({@code projects(fullPaths:)}, GitLab 16.6+). */
    public java.util.Map<Long, BranchRules> branchRulesByPath(java.util.Collection<String> fullPaths) {
        return DefaultBranchRules.byPath(fullPaths, this::graphql);
    }

    /**
     * Each project's default-branch rules from {@link #branchRules}: every rule matching it (wildcards included),
     * empty when the branch is not protected; projects GraphQL could not answer for certain are absent.
     */
    public java.util.Map<Long, List<ProtectedBranch>> defaultBranchRules(java.util.Collection<Project> projects) {
        java.util.Map<Long, BranchRules> rules = branchRules(projects.stream()
                .filter(p -> p.defaultBranch() != null).map(Project::id).toList());
        java.util.Map<Long, List<ProtectedBranch>> out = new java.util.HashMap<>();
        for (Project p : projects) {
            BranchRules known = rules.get(p.id());
            List<ProtectedBranch> rule = known == null ? null : known.of(p.defaultBranch());
            if (rule != null) {
                out.put(p.id(), rule);
            }
        }
        return out;
    }

    /** One GraphQL request ({@code POST <instance>/api/graphql}) through this client's connection and token. */
    private com.google.gson.JsonObject graphql(com.google.gson.JsonObject request) {
        String url = apiBase.newBuilder().encodedPath(graphqlPath()).query(null).build().toString();
        return calls.body(api.graphql(url, request));
    }

    /** {@code /prefix/api/v4/} → {@code /prefix/api/graphql}. */
    private String graphqlPath() {
        String path = apiBase.encodedPath();
        return path.substring(0, path.length() - "v4/".length()) + "graphql";
    }

    private Optional<ProtectedBranch> existingProtectedBranch(String project, String branch) {
        try {
            return Optional.of(protectedBranch(project, branch));
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Where project-or-group endpoints live. */
    public enum Scope {
        PROJECT("projects"),
        GROUP("groups");

        final String path;

        Scope(String path) {
            this.path = path;
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "GitLabClient[" + apiBase + "]";
    }
}
