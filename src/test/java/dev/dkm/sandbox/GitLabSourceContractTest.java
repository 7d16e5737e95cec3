package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.GitLabRelease;
import dev.dkm.gitlab.GitLabUser;
import dev.dkm.gitlab.ProtectedBranch;
import dev.dkm.remote.Secret;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GitLab's contract, as read in GitLab's own source (gitlabhq/gitlabhq; each case names the file), for every endpoint
 * the client calls where the answer matters: each case is checked twice, once on the wire against the sandbox (the
 * sandbox answers so) and once through {@link GitLabClient} (the client reads it so). No GitLab file is copied here,
 * only the facts.
 */
class GitLabSourceContractTest {
    @TempDir
    static Path dir;
    static SandboxServer server;
    static SandboxHttp http;
    static String maria;
    static String dave;

    @BeforeAll
    static void start() {
        server = Sandbox.builder().dataDir(dir.resolve("current")).start();
        http = new SandboxHttp(server.apiUrl());
        maria = server.maintainerToken();
        dave = server.developerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static GitLabClient client(String token) {
        return GitLabClient.connect(server.url(), Secret.of(token));
    }

    private static GitLabException failure(String token, java.util.function.Function<GitLabClient, ?> call) {
        try (GitLabClient c = client(token)) {
            return catchThrowableOfType(GitLabException.class, () -> call.apply(c));
        }
    }

    /** Status and body on the wire; a failure shows the body with any token value cut out. */
    private static void wire(SandboxHttp.Answer a, int status, String body) {
        String shown = String.valueOf(a.raw().body()).replaceAll("(gl[a-z]+-)[A-Za-z0-9_.-]+", "$1…");
        assertThat(a.status()).as(shown).isEqualTo(status);
        if (body != null) {
            assertThat(a.json().toString().equals(body)).as(shown + " should be " + body).isTrue();
        }
    }

    // ---- a role too low, and an invisible project (lib/api/helpers.rb: find_project! → not_found!('Project');
    //      authorize!/authorize_admin_project → forbidden! → {"message":"403 Forbidden"})

    /** lib/api/deploy_keys.rb: resource :projects { before { authorize_admin_project } }. */
    @Test
    void deployKeys_belowMaintainer_403_invisible_404() {
        wire(http.get("/projects/acme%2Fwebsite/deploy_keys", dave), 403, "{\"message\":\"403 Forbidden\"}");
        wire(http.get("/projects/secret%2Fvault/deploy_keys", dave), 404, "{\"message\":\"404 Project Not Found\"}");
        GitLabException role = failure(dave, c -> c.projectDeployKeys("acme/website"));
        assertThat(role.kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(role.userMessage("acme/website")).startsWith("Your role on acme/website does not allow");
        assertThat(failure(dave, c -> c.projectDeployKeys("secret/vault")).kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
    }

    /** lib/api/deploy_tokens.rb: authorize!(:read_deploy_token, user_project|user_group). */
    @Test
    void deployTokens_belowMaintainer_403() {
        wire(http.get("/projects/acme%2Fwebsite/deploy_tokens", dave), 403, "{\"message\":\"403 Forbidden\"}");
        wire(http.get("/groups/acme/deploy_tokens", dave), 403, "{\"message\":\"403 Forbidden\"}");
        wire(http.get("/groups/secret/deploy_tokens", dave), 404, "{\"message\":\"404 Group Not Found\"}");
        assertThat(failure(dave, c -> c.deployTokens(Scope.PROJECT, "acme/website", null)).kind())
                .isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(failure(dave, c -> c.deployTokens(Scope.GROUP, "secret", null)).kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
    }

    /**
     * lib/api/resource_access_tokens.rb: {@code next unauthorized! unless current_user.can?(:read_resource_access_tokens,
     * resource)}: 401 for a valid token; the client checks the token and reads it as the role.
     */
    @Test
    void accessTokens_belowTheRole_401_whichTheClientReadsAsTheRole() {
        wire(http.get("/projects/acme%2Fwebsite/access_tokens", dave), 401, "{\"message\":\"401 Unauthorized\"}");
        wire(http.get("/groups/acme/access_tokens", maria), 401, "{\"message\":\"401 Unauthorized\"}");
        GitLabException project = failure(dave, c -> c.accessTokens(Scope.PROJECT, "acme/website", null));
        assertThat(project.kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(project.status()).isEqualTo(401);
        assertThat(project.userMessage("acme/website", "access tokens")).doesNotContain("log in again");
        assertThat(failure(maria, c -> c.accessTokens(Scope.GROUP, "acme", null)).kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(failure("glpat-unknown-to-this-sandbox", c -> c.accessTokens(Scope.GROUP, "acme", null)).kind())
                .as("an unknown token stays a token problem").isEqualTo(GitLabErrorKind.UNAUTHORIZED);
    }

    /** lib/api/protected_branches.rb: writes need the admin_project/update_protected_branch ability → 403 below. */
    @Test
    void protectedBranchChange_belowMaintainer_403() {
        wire(http.patch("/projects/acme%2Fwebsite/protected_branches/main", dave, "{\"allow_force_push\":true}"), 403,
                "{\"message\":\"403 Forbidden\"}");
        assertThat(failure(dave, c -> c.allowDeployKeyToPush("acme/website", "main", 1)).kind())
                .isEqualTo(GitLabErrorKind.FORBIDDEN);
    }

    // ---- unknown ids: ActiveRecord::RecordNotFound rescued in lib/api/api.rb → {"message":"404 Not found"}

    /** lib/api/deploy_keys.rb: GET/PUT find_by! → "404 Not found"; DELETE not_found!('Deploy key'). */
    @Test
    void unknownDeployKey_404() {
        wire(http.get("/projects/acme%2Fwebsite/deploy_keys/99999", maria), 404, "{\"message\":\"404 Not found\"}");
        wire(http.put("/projects/acme%2Fwebsite/deploy_keys/99999", maria, "{\"can_push\":true}"), 404, "{\"message\":\"404 Not found\"}");
        wire(http.delete("/projects/acme%2Fwebsite/deploy_keys/99999", maria), 404, "{\"message\":\"404 Deploy key Not Found\"}");
        GitLabException e = failure(maria, c -> c.projectDeployKey("acme/website", 99999));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
        assertThat(e.detail()).isEqualTo("404 Not found");
    }

    /** lib/api/deploy_tokens.rb: deploy_tokens.find; app/services/concerns/deploy_token_methods.rb destroy: find. */
    @Test
    void unknownDeployToken_404() {
        wire(http.get("/projects/acme%2Fwebsite/deploy_tokens/99999", maria), 404, "{\"message\":\"404 Not found\"}");
        wire(http.delete("/projects/acme%2Fwebsite/deploy_tokens/99999", maria), 404, "{\"message\":\"404 Not found\"}");
        assertThat(failure(maria, c -> c.deployToken(Scope.PROJECT, "acme/website", 99999)).kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
    }

    /** lib/api/protected_branches.rb: protected_branches.find_by!(name:). */
    @Test
    void unknownProtectedBranch_404() {
        wire(http.get("/projects/acme%2Fwebsite/protected_branches/nope", maria), 404, "{\"message\":\"404 Not found\"}");
        assertThat(failure(maria, c -> c.protectedBranch("acme/website", "nope")).kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
    }

    // ---- validation

    /** app/models/key.rb: validate :expiration, on: :create → errors.add(:key, message: 'has expired'). */
    @Test
    void expiredDeployKey_400() {
        String key = TestKeys.publicKeyLine("expired");
        SandboxHttp.Answer a = http.post("/projects/acme%2Fwebsite/deploy_keys", maria,
                "{\"title\":\"old\",\"key\":\"" + key + "\",\"expires_at\":\"2020-01-01T00:00:00Z\"}");
        wire(a, 400, "{\"message\":{\"deploy_key.key\":[\"has expired\"]}}");
        GitLabException e = failure(maria, c -> c.addDeployKey("acme/website", "old", TestKeys.publicKeyLine("expired-2"), false,
                Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.VALIDATION);
        assertThat(e.detail()).isEqualTo("deploy_key.key has expired");
    }

    /**
     * app/models/deploy_token.rb (username format) and app/services/concerns/deploy_token_methods.rb
     * (errors.full_messages.to_sentence): the message is one string, not a field map.
     */
    @Test
    void badDeployTokenUsername_400_oneSentence() {
        String sentence = "Username can contain only letters, digits, '_', '-', '+', and '.'";
        wire(http.post("/projects/acme%2Fwebsite/deploy_tokens", maria,
                "{\"name\":\"x\",\"scopes\":[\"read_repository\"],\"username\":\"bad name!\"}"), 400,
                "{\"message\":\"" + sentence + "\"}");
        GitLabException e = failure(maria, c -> c.createDeployToken(Scope.PROJECT, "acme/website", "x", List.of("read_repository"),
                null, "bad name!"));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.VALIDATION);
        assertThat(e.detail()).isEqualTo(sentence);
    }

    /** lib/api/users.rb GET :user_id/project_deploy_keys: both users must maintain a project; else forbidden!. */
    @Test
    void userProjectDeployKeys_needACommonMaintainedProject() {
        wire(http.get("/users/dave/project_deploy_keys", maria), 403,
                "{\"message\":\"403 Forbidden - No common authorized project found\"}");
        GitLabException e = failure(maria, c -> c.userProjectDeployKeys("dave"));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(e.detail()).contains("No common authorized project found");
        assertThat(http.get("/users/olivia/project_deploy_keys", maria).status()).isEqualTo(200);
    }

    // ---- /user, /version, /metadata

    /** lib/api/users.rb GET /user: Entities::UserPublic, Entities::UserWithAdmin (is_admin) only for admins. */
    @Test
    void user_isAdminOnlyForAdmins() {
        assertThat(http.get("/user", maria).json().getAsJsonObject().has("is_admin")).isFalse();
        assertThat(http.get("/user", server.adminToken()).json().getAsJsonObject().get("is_admin").getAsBoolean()).isTrue();
        try (GitLabClient c = client(maria)) {
            GitLabUser me = c.currentUser();
            assertThat(me.isAdmin()).isNull();
            assertThat(Boolean.TRUE.equals(me.isAdmin())).isFalse();
        }
    }

    /** lib/api/version.rb (and metadata.rb): allow_access_with_scope :read_user for GET. */
    @Test
    void readUserToken_readsVersionAndMetadata() {
        String readUser = server.world().createPersonalAccessToken("maria", "who-am-i", List.of("read_user"), LocalDate.now().plusDays(30));
        assertThat(http.get("/version", readUser).status()).isEqualTo(200);
        assertThat(http.get("/metadata", readUser).status()).isEqualTo(200);
        assertThat(http.get("/projects/acme%2Fwebsite", readUser).status()).isEqualTo(403);
        try (GitLabClient c = client(readUser)) {
            assertThat(c.instanceVersion()).map(GitLabRelease::shortName).contains("18.2");
        }
    }

    /** A bulk run's jobs all ask for the version at once: one GET /version between them (was one per job). */
    @Test
    void theVersionIsAskedOnceHoweverManyJobsAskAtOnce() throws Exception {
        try (GitLabClient c = client(maria)) {
            server.setLatencyMs(100);
            server.resetRequestCounts();
            java.util.concurrent.ExecutorService jobs = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<java.util.Optional<GitLabRelease>>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(jobs.submit(c::instanceVersion));
                }
                for (var answer : answers) {
                    assertThat(answer.get()).map(GitLabRelease::shortName).contains("18.2");
                }
            } finally {
                jobs.shutdownNow();
                server.setLatencyMs(0);
            }
            assertThat(server.requestCount("GET", "/version")).as(server.requestCounts().toString()).isEqualTo(1);
        }
    }

    /**
     * A version GitLab could not give because it was failing (5xx on /version and /metadata) is not kept: the next
     * call asks again and learns it. A refusal is an answer and is kept (the version is asked once).
     */
    @Test
    void aVersionLostToAFailingServerIsAskedAgain() {
        try (GitLabClient c = client(maria)) {
            server.failRequestsMatching(line -> line.startsWith("GET /api/v4/version") || line.startsWith("GET /api/v4/metadata"));
            try {
                assertThat(c.instanceVersion()).isEmpty();
            } finally {
                server.failRequestsMatching(null);
            }
            assertThat(c.instanceVersion()).map(GitLabRelease::shortName).contains("18.2");
        }
        String noToken = "not-a-token-of-this-sandbox";
        try (GitLabClient c = client(noToken)) {
            server.resetRequestCounts();
            assertThat(c.instanceVersion()).isEmpty();
            assertThat(c.instanceVersion()).isEmpty();
            assertThat(server.requestCount("GET", "/version")).as(server.requestCounts().toString()).isEqualTo(1);
        }
    }

    // ---- entities and field types (lib/api/entities/*.rb, spec/fixtures/api/schemas/public_api/v4/*.json)

    /** lib/api/entities/ssh_key.rb + deploy_key.rb + deploy_keys_project.rb: types the client reads. */
    @Test
    void deployKeyEntity_types() {
        String key = TestKeys.publicKeyLine("entity");
        JsonObject o = http.post("/projects/acme%2Fwebsite/deploy_keys", maria,
                "{\"title\":\"entity\",\"key\":\"" + key + "\",\"can_push\":true,\"expires_at\":\"2099-01-01T00:00:00Z\"}")
                .json().getAsJsonObject();
        assertThat(o.get("id").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(o.get("fingerprint_sha256").getAsString()).startsWith("SHA256:");
        assertThat(o.get("can_push").getAsJsonPrimitive().isBoolean()).isTrue();
        assertThat(o.get("created_at").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        try (GitLabClient c = client(maria)) {
            DeployKey read = c.projectDeployKey("acme/website", o.get("id").getAsLong());
            assertThat(read.canPush()).isTrue();
            assertThat(read.expiresAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
            assertThat(read.fingerprintSha256()).isEqualTo(o.get("fingerprint_sha256").getAsString());
        }
    }

    /** lib/api/entities/deploy_token.rb: id, name, username, expires_at (datetime|null), revoked, expired, scopes. */
    @Test
    void deployTokenEntity_types() {
        JsonObject o = http.post("/projects/acme%2Fwebsite/deploy_tokens", maria,
                "{\"name\":\"types\",\"scopes\":[\"read_repository\"]}").json().getAsJsonObject();
        assertThat(o.get("expires_at").isJsonNull()).isTrue();
        assertThat(o.get("revoked").getAsJsonPrimitive().isBoolean()).isTrue();
        assertThat(o.get("expired").getAsJsonPrimitive().isBoolean()).isTrue();
        assertThat(o.get("scopes").isJsonArray()).isTrue();
        try (GitLabClient c = client(maria)) {
            DeployToken t = c.deployToken(Scope.PROJECT, "acme/website", o.get("id").getAsLong());
            assertThat(t.expiresAt()).isNull();
            assertThat(t.expired()).isFalse();
            assertThat(t.token()).as("the value only comes with the create answer").isNull();
        }
    }

    /** lib/api/entities/personal_access_token.rb: expires_at is a date ("2021-01-31"), last_used_at a datetime|null. */
    @Test
    void accessTokenEntity_types() {
        JsonElement self = http.get("/personal_access_tokens/self", maria).json();
        String expires = self.getAsJsonObject().get("expires_at").getAsString();
        assertThat(expires).matches("\\d{4}-\\d\\d-\\d\\d");
        try (GitLabClient c = client(maria)) {
            AccessToken t = c.personalAccessTokenSelf();
            assertThat(t.expiresAt()).isEqualTo(LocalDate.parse(expires));
            assertThat(t.active()).isTrue();
        }
    }

    // ---- the registry (app/services/auth/container_registry_authentication_service.rb)

    /** 200 with an empty access list for a repository the token does not cover: only the JWT says no. */
    @Test
    void registry_otherRepository_200_butNoAccess() {
        Instant later = Instant.now().plus(10, ChronoUnit.DAYS);
        String secret = server.world().createDeployToken("acme/website", null, "reg", List.of("read_registry"), later);
        String user = server.world().deployTokenUsername(secret);
        try (GitLabClient c = client(maria)) {
            assertThat(c.registryAccepts("acme/website", user, Secret.of(secret))).isTrue();
            assertThat(c.registryAccepts("acme/handbook", user, Secret.of(secret))).isFalse();
        }
    }

    // ---- versions: the sandbox pretends to be older, the client adapts

    /**
     * Routes that came later answer Grape's {@code {"error":"404 Not Found"}} on older versions: POST /deploy_keys
     * (17.5, lib/api/deploy_keys.rb), POST /personal_access_tokens/self/rotate (16.10). Protected branches: CE before
     * 17.5 drops allowed_to_push[deploy_key_id] (app/services/protected_refs/access_level_params.rb reads only
     * push_access_level): PATCH 200, the rule unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = {"15.11", "16.11", "17.4"})
    void olderVersions(String version) {
        try (SandboxServer old = Sandbox.builder().dataDir(dir.resolve("v" + version)).gitlabVersion(version).start();
                GitLabClient admin = GitLabClient.connect(old.url(), Secret.of(old.adminToken()));
                GitLabClient c = GitLabClient.connect(old.url(), Secret.of(old.maintainerToken()))) {
            SandboxHttp h = new SandboxHttp(old.apiUrl());
            assertThat(c.instanceVersion()).map(GitLabRelease::shortName).contains(version);
            assertThat(c.instanceVersion().orElseThrow().atLeast(GitLabRelease.DEPLOY_KEY_PUSH_RULES)).isFalse();
            wire(h.post("/deploy_keys", old.adminToken(), "{\"title\":\"x\",\"key\":\"" + TestKeys.publicKeyLine("i") + "\"}"),
                    404, "{\"error\":\"404 Not Found\"}");
            assertThat(catchThrowableOfType(GitLabException.class,
                    () -> admin.createInstanceDeployKey("x", TestKeys.publicKeyLine("j"), null)).kind())
                    .isEqualTo(GitLabErrorKind.NOT_FOUND);
            if (!GitLabRelease.parse(version).orElseThrow().atLeast(GitLabRelease.SELF_ROTATION)) {
                wire(h.post("/personal_access_tokens/self/rotate", old.maintainerToken(), "{}"), 404, "{\"error\":\"404 Not Found\"}");
            }
            int keyId = old.world().createDeployKey("acme/website", "ci", TestKeys.publicKeyLine("k"), true, "maria", null);
            old.world().protectBranch("acme/website", "main", 0);
            ProtectedBranch rule = c.allowDeployKeyToPush("acme/website", "main", keyId);
            assertThat(rule.allowsDeployKeyToPush(keyId)).as("200, and nothing changed").isFalse();
        }
    }

    /**
     * 17.5+: app/models/concerns/protected_ref_deploy_key_access.rb refuses a key without write access (422, the
     * message an array of full messages); a key with it is named, described by its title, and the rule keeps its roles.
     */
    @Test
    void currentVersion_namesWritableKeysOnly() {
        int readOnly = server.world().createDeployKey("acme/handbook", "read only", TestKeys.publicKeyLine("ro"), false, "maria", null);
        int writable = server.world().createDeployKey("acme/handbook", "writer", TestKeys.publicKeyLine("rw"), true, "maria", null);
        server.world().protectBranch("acme/handbook", "main", 40);
        SandboxHttp.Answer refused = http.patch("/projects/acme%2Fhandbook/protected_branches/main", maria,
                "{\"allowed_to_push\":[{\"deploy_key_id\":" + readOnly + "}]}");
        wire(refused, 422, "{\"message\":[\"Push access levels deploy key is not enabled for this project\"]}");
        try (GitLabClient c = client(maria)) {
            GitLabException e = catchThrowableOfType(GitLabException.class, () -> c.allowDeployKeyToPush("acme/handbook", "main", readOnly));
            assertThat(e.kind()).isEqualTo(GitLabErrorKind.VALIDATION);
            assertThat(e.detail()).contains("deploy key is not enabled for this project");
            ProtectedBranch rule = c.allowDeployKeyToPush("acme/handbook", "main", writable);
            assertThat(rule.allowsDeployKeyToPush(writable)).isTrue();
            assertThat(rule.pushAccessLevels()).anyMatch(a -> a.deployKeyId() == null && Integer.valueOf(40).equals(a.accessLevel()))
                    .anyMatch(a -> "writer".equals(a.accessLevelDescription()));
        }
    }
}
