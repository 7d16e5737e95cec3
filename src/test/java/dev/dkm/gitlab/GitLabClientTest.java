package dev.dkm.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dkm.remote.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: paths, auth, paging, retries, faults. */
class GitLabClientTest {
    static final String TOKEN = "glpat-SuperSecretValue1234567890";
    static final String KEY_JSON = "{\"id\":7,\"title\":\"dkm\",\"key\":\"ssh-ed25519 AAAAC3blob dkm@host\",\"can_push\":true}";

    private MockWebServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private GitLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = client(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private GitLabClient client(Duration readTimeout) {
        RetryPolicy fast = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(5), sleeps::add);
        return GitLabClient.create(GitLabClientConfig.builder(server.url("/").toString(), Secret.of(TOKEN))
                .timeouts(Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(20))
                .retry(fast)
                .shareInstanceLimits(false)
                .build());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void projectPathIsOneEncodedSegmentAndTheTokenIsSent() throws Exception {
        server.enqueue(json(200, "{\"id\":3,\"path_with_namespace\":\"group/sub/repo\"}"));
        Project p = client.project("group/sub/repo");
        assertThat(p.id()).isEqualTo(3L);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/api/v4/projects/group%2Fsub%2Frepo");
        assertThat(r.getHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    }

    @Test
    void deployKeyPathsUseTheEncodedProject() throws Exception {
        server.enqueue(json(200, KEY_JSON));
        server.enqueue(json(201, KEY_JSON));
        server.enqueue(new MockResponse().setResponseCode(204));
        client.updateDeployKey("g/r", 7, null, true);
        client.enableDeployKey("g/r", 7);
        client.deleteDeployKey("g/r", 7);
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod() + " " + put.getPath()).isEqualTo("PUT /api/v4/projects/g%2Fr/deploy_keys/7");
        assertThat(put.getBody().readUtf8()).isEqualTo("{\"can_push\":true}");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/projects/g%2Fr/deploy_keys/7/enable");
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void pagesFollowLinkHeaders() throws Exception {
        String base = server.url("/api/v4/projects/5/deploy_keys").toString();
        server.enqueue(json(200, "[{\"id\":1},{\"id\":2}]").setHeader("Link",
                "<" + base + "?page=2&per_page=100>; rel=\"next\", <" + base + "?page=3&per_page=100>; rel=\"last\""));
        server.enqueue(json(200, "[{\"id\":3}]").setHeader("Link",
                "<" + base + "?page=1&per_page=100>; rel=\"prev\", <" + base + "?page=3&per_page=100>; rel=\"next\""));
        server.enqueue(json(200, "[{\"id\":4}]").setHeader("Link", "<" + base + "?page=2&per_page=100>; rel=\"prev\""));
        List<DeployKey> keys = client.projectDeployKeys("5");
        assertThat(keys).extracting(DeployKey::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/projects/5/deploy_keys?per_page=100");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/projects/5/deploy_keys?page=2&per_page=100");
        RecordedRequest third = server.takeRequest();
        assertThat(third.getPath()).isEqualTo("/api/v4/projects/5/deploy_keys?page=3&per_page=100");
        assertThat(third.getHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    }

    @Test
    void pagesFollowXNextPageWhenThereIsNoLink() throws Exception {
        server.enqueue(json(200, "[{\"id\":1}]").setHeader("X-Next-Page", "2"));
        server.enqueue(json(200, "[{\"id\":2}]").setHeader("X-Next-Page", "3"));
        server.enqueue(json(200, "[{\"id\":3}]").setHeader("X-Next-Page", ""));
        List<Project> projects = client.memberProjects(40, null);
        assertThat(projects).extracting(Project::id).containsExactly(1L, 2L, 3L);
        assertThat(server.takeRequest().getPath())
                .isEqualTo("/api/v4/projects?membership=true&min_access_level=40&simple=true&per_page=100");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("page")).isEqualTo("2");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("page")).isEqualTo("3");
    }

    @Test
    void linkToAnotherHostNeverGetsTheToken() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.enqueue(json(200, "[{\"id\":2}]"));
            server.enqueue(json(200, "[{\"id\":1}]").setHeader("Link",
                    "<" + other.url("/api/v4/projects?page=2").toString().replace("127.0.0.1", "localhost") + ">; rel=\"next\""));
            client.memberProjects(null, null);
            assertThat(other.takeRequest(5, TimeUnit.SECONDS).getHeader("PRIVATE-TOKEN")).isNull();
        }
    }

    @Test
    void rateLimitedWaitsRetryAfterThenRetries() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2").setBody("Retry later"));
        server.enqueue(json(200, "{\"version\":\"17.5.0\",\"revision\":\"abc\"}"));
        assertThat(client.version().version()).isEqualTo("17.5.0");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimitedTooLongGivesUpWithATypedError() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                .setBody("{\"message\":{\"error\":\"This endpoint has been requested too many times. Try again later.\"}}"));
        GitLabException e = catchThrowableOfType(GitLabException.class, () -> client.version());
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).contains(3600L);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void serverErrorOnGetIsRetried() {
        server.enqueue(json(502, "{\"message\":\"502 Bad Gateway\"}"));
        server.enqueue(json(500, "boom"));
        server.enqueue(json(200, "{\"id\":1,\"username\":\"me\"}"));
        assertThat(client.currentUser().username()).isEqualTo("me");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(4)));
    }

    @Test
    void droppedConnectionOnGetIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"id\":1,\"username\":\"me\"}"));
        assertThat(client.currentUser().username()).isEqualTo("me");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void serverErrorAfterAllRetriesIsTyped() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"message\":\"503 Service Unavailable\"}"));
        }
        GitLabException e = catchThrowableOfType(GitLabException.class, () -> client.currentUser());
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(503);
    }

    @Test
    void postIsNotRepeatedBlindlyButCheckedFirst() throws Exception {
        server.enqueue(json(500, "{\"message\":\"500 Internal Server Error\"}"));
        server.enqueue(json(200, "[" + KEY_JSON + "]")); // the key landed after all
        DeployKey key = client.addDeployKey("g/r", "dkm", "ssh-ed25519 AAAAC3blob other-comment", true, null);
        assertThat(key.id()).isEqualTo(7L);
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        RecordedRequest check = server.takeRequest();
        assertThat(check.getMethod() + " " + check.getPath()).isEqualTo("GET /api/v4/projects/g%2Fr/deploy_keys?per_page=100");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void postIsRepeatedOnceWhenTheCheckFindsNothing() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, KEY_JSON));
        DeployKey key = client.addDeployKey("g/r", "dkm", "ssh-ed25519 AAAAC3blob dkm@host", false, null);
        assertThat(key.id()).isEqualTo(7L);
        assertThat(List.of(server.takeRequest().getMethod(), server.takeRequest().getMethod(), server.takeRequest().getMethod()))
                .containsExactly("POST", "GET", "POST");
    }

    @Test
    void postValidationErrorIsNotRetried() {
        server.enqueue(json(400, "{\"message\":{\"deploy_key.fingerprint_sha256\":[\"has already been taken\"]}}"));
        GitLabException e = catchThrowableOfType(GitLabException.class,
                () -> client.addDeployKey("g/r", "dkm", "ssh-ed25519 AAAA x", false, null));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.VALIDATION);
        assertThat(e.userMessage("g/r")).contains("deploy_key.fingerprint_sha256 has already been taken");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void deployTokenCreateIsNeverRepeated() {
        server.enqueue(json(502, "bad gateway"));
        assertThatThrownBy(() -> client.createDeployToken(GitLabClient.Scope.PROJECT, "g/r", "ci", List.of("read_registry"), null, null))
                .isInstanceOf(GitLabException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsATypedError() {
        server.enqueue(json(200, "{\"id\": 3, \"path_with_namespace\": "));
        GitLabException e = catchThrowableOfType(GitLabException.class, () -> client.project("g/r"));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.MALFORMED_RESPONSE);
        server.enqueue(json(200, "<html>login</html>"));
        assertThat(catchThrowableOfType(GitLabException.class, () -> client.project("g/r")).kind())
                .isEqualTo(GitLabErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void slowAnswerTimesOut() {
        try (GitLabClient impatient = client(Duration.ofMillis(200))) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(json(200, "{}").setBodyDelay(2, TimeUnit.SECONDS));
            }
            GitLabException e = catchThrowableOfType(GitLabException.class, impatient::version);
            assertThat(e.kind()).isEqualTo(GitLabErrorKind.TIMEOUT);
        }
    }

    @Test
    void unreachableHostIsANetworkError() throws IOException {
        String url = server.url("/").toString();
        server.shutdown();
        try (GitLabClient c = GitLabClient.create(GitLabClientConfig.builder(url, Secret.of(TOKEN))
                .retry(RetryPolicy.none()).shareInstanceLimits(false).build())) {
            GitLabException e = catchThrowableOfType(GitLabException.class, c::version);
            assertThat(e.kind()).isEqualTo(GitLabErrorKind.NETWORK);
            assertThat(e.userMessage("gitlab.example.com")).startsWith("Could not reach GitLab for gitlab.example.com");
        }
    }

    @Test
    void theTokenNeverAppearsInErrors() {
        // a hostile or buggy server echoing the token back must not get it into our messages
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized: " + TOKEN + "\"}"));
        GitLabException e = catchThrowableOfType(GitLabException.class, () -> client.currentUser());
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(e.toString()).doesNotContain(TOKEN);
        assertThat(e.userMessage("x")).doesNotContain(TOKEN);
        assertThat(e.detail()).doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theHttpLogNeverShowsTheToken() {
        java.util.List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { logged.add(new java.util.logging.SimpleFormatter().format(r)); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        capture.setLevel(java.util.logging.Level.ALL);
        RequestLog.LOG.setLevel(java.util.logging.Level.ALL);
        RequestLog.LOG.addHandler(capture);
        try {
            server.enqueue(json(201, "{\"id\":1,\"name\":\"ci\",\"token\":\"gldt-NewDeployTokenValue123456\"}"));
            DeployToken created = client.createDeployToken(GitLabClient.Scope.GROUP, "g", "ci", List.of("read_registry"), null, null);
            assertThat(created.token().reveal()).isEqualTo("gldt-NewDeployTokenValue123456");
        } finally {
            RequestLog.LOG.removeHandler(capture);
            RequestLog.LOG.setLevel(null);
        }
        assertThat(logged).singleElement().asString().contains("POST", "/api/v4/groups/g/deploy_tokens", "201")
                .doesNotContain(TOKEN).doesNotContain("gldt-NewDeployTokenValue123456");
    }

    @Test
    void notFoundOnProject() {
        server.enqueue(json(404, "{\"message\":\"404 Project Not Found\"}"));
        GitLabException e = catchThrowableOfType(GitLabException.class, () -> client.projectDeployKeys("group/repo"));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.NOT_FOUND);
        // find_project! (lib/api/helpers.rb): 404 means unknown or invisible; a role too low is a 403 (below)
        assertThat(e.userMessage("group/repo")).contains("does not exist, or this token cannot see it").doesNotContain("Maintainer");
    }

    @Test
    void slowsDownBeforeTheLimit() {
        long reset = System.currentTimeMillis() / 1000 + 10;
        server.enqueue(json(200, "{}").setHeader("RateLimit-Limit", "100").setHeader("RateLimit-Remaining", "2")
                .setHeader("RateLimit-Reset", String.valueOf(reset)));
        server.enqueue(json(200, "{}"));
        client.version();
        assertThat(sleeps).isEmpty();
        client.version();
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(6));
    }

    @Test
    void protectBranchForDeployKeySendsAllowedToPush() throws Exception {
        server.enqueue(json(201, "{\"name\":\"main\",\"push_access_levels\":[{\"deploy_key_id\":7}]}"));
        ProtectedBranch b = client.protectBranchForDeployKey("g/r", "main", 7);
        assertThat(b.allowsDeployKeyToPush(7)).isTrue();
        assertThat(server.takeRequest().getBody().readUtf8())
                .as("17.5+ gives a rule naming a deploy key no default Maintainers: ask for them")
                .isEqualTo("{\"name\":\"main\",\"push_access_level\":40,\"allowed_to_push\":[{\"deploy_key_id\":7}]}");
    }

    @Test
    void tokenEndpointsUseTheContractPaths() throws Exception {
        server.enqueue(json(200, "{\"id\":4,\"name\":\"t\",\"scopes\":[\"api\"],\"expires_at\":\"2027-01-01\",\"token\":\"glpat-RotatedValue0123456789\"}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(json(200, "[{\"id\":42,\"access_level\":40,\"expires_at\":\"2021-01-31\"}]"));
        server.enqueue(json(200, "[{\"id\":1,\"name\":\"MyToken\"}]"));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        AccessToken rotated = client.rotatePersonalAccessTokenSelf(java.time.LocalDate.of(2027, 1, 1));
        assertThat(rotated.token().reveal()).isEqualTo("glpat-RotatedValue0123456789");
        assertThat(rotated.toString()).doesNotContain("RotatedValue0123456789");
        client.revokePersonalAccessTokenSelf();
        assertThat(client.accessTokens(GitLabClient.Scope.PROJECT, "g/r", "active")).extracting(AccessToken::accessLevel).containsExactly(40);
        assertThat(client.deployTokens(GitLabClient.Scope.GROUP, "g/sub", true)).extracting(DeployToken::name).containsExactly("MyToken");
        client.userProjectDeployKeys("jane");
        client.protectedBranches("g/r");

        RecordedRequest rotate = server.takeRequest();
        assertThat(rotate.getMethod() + " " + rotate.getPath()).isEqualTo("POST /api/v4/personal_access_tokens/self/rotate");
        assertThat(rotate.getBody().readUtf8()).isEqualTo("{\"expires_at\":\"2027-01-01\"}");
        RecordedRequest revoke = server.takeRequest();
        assertThat(revoke.getMethod() + " " + revoke.getPath()).isEqualTo("DELETE /api/v4/personal_access_tokens/self");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/projects/g%2Fr/access_tokens?state=active&per_page=100");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/groups/g%2Fsub/deploy_tokens?active=true&per_page=100");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/users/jane/project_deploy_keys?per_page=100");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/projects/g%2Fr/protected_branches?per_page=100");
    }

    @Test
    void aMovedProjectIsFollowedWithTheTokenOnTheSameHost() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/api/v4/projects/new%2Fplace"));
        server.enqueue(json(200, "{\"id\":3,\"path_with_namespace\":\"new/place\"}"));
        assertThat(client.project("old/place").pathWithNamespace()).isEqualTo("new/place");
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getPath()).isEqualTo("/api/v4/projects/new%2Fplace");
        assertThat(followed.getHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    }

    @Test
    void apiBaseAcceptsInstanceUrlsWithPrefixes() {
        assertThat(GitLabClient.apiBase("https://gitlab.com").toString()).isEqualTo("https://gitlab.com/api/v4/");
        assertThat(GitLabClient.apiBase("https://h/gitlab/").toString()).isEqualTo("https://h/gitlab/api/v4/");
        assertThat(GitLabClient.apiBase("https://h/api/v4").toString()).isEqualTo("https://h/api/v4/");
    }

    /**
     * lib/api/resource_access_tokens.rb answers 401 ({@code unauthorized!}) to a valid token whose role is too low; the
     * client checks the token once (GET /user) and reports the role, and a second place costs no second check.
     */
    @Test
    void a401FromAccessTokensWithAValidTokenIsTheRole() throws Exception {
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized\"}"));
        server.enqueue(json(200, "{\"id\":4,\"username\":\"dave\"}"));
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized\"}"));
        GitLabException first = org.junit.jupiter.api.Assertions.assertThrows(GitLabException.class,
                () -> client.accessTokens(GitLabClient.Scope.PROJECT, "g/one", null));
        GitLabException second = org.junit.jupiter.api.Assertions.assertThrows(GitLabException.class,
                () -> client.accessTokens(GitLabClient.Scope.GROUP, "g", null));
        assertThat(first.kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(first.roleTooLow()).isTrue();
        assertThat(second.kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        assertThat(first.userMessage("g/one", "project access tokens")).startsWith("Your role on g/one does not allow")
                .doesNotContain("log in again");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(server.takeRequest().getPath()).startsWith("/api/v4/projects/g%2Fone/access_tokens");
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v4/user");
    }

    @Test
    void a401FromAccessTokensWithAnInvalidTokenStaysTheToken() {
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized\"}"));
        server.enqueue(json(401, "{\"message\":\"401 Unauthorized\"}"));
        GitLabException e = org.junit.jupiter.api.Assertions.assertThrows(GitLabException.class,
                () -> client.accessTokens(GitLabClient.Scope.PROJECT, "g/one", null));
        assertThat(e.kind()).isEqualTo(GitLabErrorKind.UNAUTHORIZED);
        assertThat(e.userMessage("g/one")).contains("log in again");
    }

    private static String registryAnswer(String accessJson) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"aud\":\"container_registry\",\"access\":" + accessJson + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "{\"token\":\"" + header + "." + payload + ".c2lnbmF0dXJl\"}";
    }

    /**
     * app/services/auth/container_registry_authentication_service.rb: a registry-scoped token asking for a repository it
     * does not cover gets 200 with an empty access list; only pull on repository:<path> in the JWT means yes.
     */
    @Test
    void registryAcceptsReadsTheJwtAccessNotTheStatus() throws Exception {
        server.enqueue(json(200, registryAnswer("[]")));
        server.enqueue(json(200, registryAnswer("[{\"type\":\"repository\",\"name\":\"g/r\",\"actions\":[\"pull\"]}]")));
        server.enqueue(json(200, registryAnswer("[{\"type\":\"repository\",\"name\":\"g/other\",\"actions\":[\"pull\"]}]")));
        server.enqueue(json(403, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"access forbidden\"}]}"));
        server.enqueue(json(200, "{\"token\":\"not-a-jwt\"}"));
        Secret deployToken = Secret.of("dt-value-for-a-test");
        assertThat(client.registryAccepts("g/r", "gitlab+deploy-token-1", deployToken)).as("200, access []").isFalse();
        assertThat(client.registryAccepts("g/r", "gitlab+deploy-token-1", deployToken)).isTrue();
        assertThat(client.registryAccepts("g/r", "gitlab+deploy-token-1", deployToken)).as("another repository").isFalse();
        assertThat(client.registryAccepts("g/r", "gitlab+deploy-token-1", deployToken)).as("no registry scope").isFalse();
        assertThat(client.registryAccepts("g/r", "gitlab+deploy-token-1", deployToken)).isFalse();
        assertThat(server.takeRequest().getPath()).contains("scope=repository%3Ag%2Fr%3Apull");
    }
}
