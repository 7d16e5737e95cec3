package dev.dkm.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Every example JSON of reference/gitlab-api.md parses into the DTOs with the right values. */
class GitLabContractTest {
    private final Gson gson = GitLabJson.gson();

    @Test
    void deployKeyWithExpiry() {
        DeployKey k = gson.fromJson("""
                {"id":5,"title":"My deploy key","key":"ssh-rsa AAAA...","fingerprint":"4a:9d:...:d9",
                 "fingerprint_sha256":"SHA256:Jrs3LD1Ji30xNLtTVf9NDCj7kkBgPBb2pjvTZ3HfIgU",
                 "usage_type":"auth_and_signing","created_at":"2024-10-03T01:32:21.992Z","expires_at":"2024-12-31T08:00:00.000Z"}
                """, DeployKey.class);
        assertThat(k.id()).isEqualTo(5L);
        assertThat(k.title()).isEqualTo("My deploy key");
        assertThat(k.key()).isEqualTo("ssh-rsa AAAA...");
        assertThat(k.fingerprint()).isEqualTo("4a:9d:...:d9");
        assertThat(k.fingerprintSha256()).isEqualTo("SHA256:Jrs3LD1Ji30xNLtTVf9NDCj7kkBgPBb2pjvTZ3HfIgU");
        assertThat(k.usageType()).isEqualTo("auth_and_signing");
        assertThat(k.createdAt()).isEqualTo(Instant.parse("2024-10-03T01:32:21.992Z"));
        assertThat(k.expiresAt()).isEqualTo(Instant.parse("2024-12-31T08:00:00Z"));
        assertThat(k.canPush()).isNull();
    }

    @Test
    void publicKeyWithoutMillisAndCanPushFalse() {
        DeployKey k = gson.fromJson("""
                {"id":1,"title":"Public key","key":"ssh-rsa ...","fingerprint":"...","fingerprint_sha256":"SHA256:...",
                 "created_at":"2013-10-02T10:12:29Z","expires_at":null,"can_push":false}
                """, DeployKey.class);
        assertThat(k.id()).isEqualTo(1L);
        assertThat(k.createdAt()).isEqualTo(Instant.parse("2013-10-02T10:12:29Z"));
        assertThat(k.expiresAt()).isNull();
        assertThat(k.canPush()).isFalse();
    }

    @Test
    void datetimesWithOffsetsAndPlainDates() {
        assertThat(GitLabJson.parseInstant("2024-10-03T03:32:21.992+02:00")).isEqualTo(Instant.parse("2024-10-03T01:32:21.992Z"));
        assertThat(GitLabJson.parseInstant("2023-08-15")).isEqualTo(Instant.parse("2023-08-15T00:00:00Z"));
        assertThat(GitLabJson.parseDate("2020-02-14T00:00:00.000Z")).isEqualTo(LocalDate.of(2020, 2, 14));
    }

    @Test
    void deployTokenAndTheTokenIsASecret() {
        DeployToken t = gson.fromJson("""
                {"id":1,"name":"MyToken","username":"gitlab+deploy-token-1","expires_at":"2020-02-14T00:00:00.000Z",
                 "revoked":false,"expired":false,"scopes":["read_repository","read_registry"],"token":"gldt-abcdefghijklmnop1234"}
                """, DeployToken.class);
        assertThat(t.id()).isEqualTo(1L);
        assertThat(t.name()).isEqualTo("MyToken");
        assertThat(t.username()).isEqualTo("gitlab+deploy-token-1");
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2020-02-14T00:00:00Z"));
        assertThat(t.revoked()).isFalse();
        assertThat(t.expired()).isFalse();
        assertThat(t.scopes()).containsExactly("read_repository", "read_registry");
        assertThat(t.token().reveal()).isEqualTo("gldt-abcdefghijklmnop1234");
        assertThat(t.toString()).doesNotContain("abcdefghijklmnop1234");
    }

    @Test
    void personalAccessTokenSelf() {
        AccessToken t = gson.fromJson("""
                {"id":4,"name":"Test Token","revoked":false,"created_at":"2020-07-23T14:31:47.729Z","description":"...",
                 "scopes":["api"],"user_id":3,"last_used_at":"2021-10-06T17:58:37.550Z","active":true,"expires_at":null}
                """, AccessToken.class);
        assertThat(t.id()).isEqualTo(4L);
        assertThat(t.name()).isEqualTo("Test Token");
        assertThat(t.revoked()).isFalse();
        assertThat(t.active()).isTrue();
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2020-07-23T14:31:47.729Z"));
        assertThat(t.lastUsedAt()).isEqualTo(Instant.parse("2021-10-06T17:58:37.550Z"));
        assertThat(t.hasScope("api")).isTrue();
        assertThat(t.userId()).isEqualTo(3L);
        assertThat(t.expiresAt()).isNull();
        assertThat(gson.fromJson("{\"expires_at\":\"2023-08-15\"}", AccessToken.class).expiresAt()).isEqualTo(LocalDate.of(2023, 8, 15));
    }

    @Test
    void projectAccessTokenItem() {
        AccessToken t = gson.fromJson("""
                {"user_id":141,"scopes":["api"],"name":"token","expires_at":"2021-01-31","id":42,"active":true,
                 "created_at":"2021-01-20T22:11:48.151Z","revoked":false,"last_used_at":null,"access_level":40}
                """, AccessToken.class);
        assertThat(t.id()).isEqualTo(42L);
        assertThat(t.userId()).isEqualTo(141L);
        assertThat(t.expiresAt()).isEqualTo(LocalDate.of(2021, 1, 31));
        assertThat(t.accessLevel()).isEqualTo(40);
        assertThat(t.lastUsedAt()).isNull();
    }

    @Test
    void versionAndMetadata() {
        GitLabVersion v = gson.fromJson("{\"version\":\"8.13.0-pre\",\"revision\":\"4e963fe\"}", GitLabVersion.class);
        assertThat(v.version()).isEqualTo("8.13.0-pre");
        assertThat(v.revision()).isEqualTo("4e963fe");
        GitLabMetadata m = gson.fromJson("""
                {"version":"15.2-pre","revision":"c401a659d0c","kas":{"enabled":true,"externalUrl":"grpc://gitlab.example.com:8150","version":"15.0.0"},"enterprise":true}
                """, GitLabMetadata.class);
        assertThat(m.version()).isEqualTo("15.2-pre");
        assertThat(m.enterprise()).isTrue();
        assertThat(m.kas()).containsEntry("enabled", true);
    }

    @Test
    void userAndProject() {
        GitLabUser u = gson.fromJson("""
                {"id":1,"username":"john_smith","name":"John Smith","state":"active","avatar_url":"http://x/a.png","web_url":"http://x/john_smith","is_admin":false}
                """, GitLabUser.class);
        assertThat(u.username()).isEqualTo("john_smith");
        assertThat(u.isAdmin()).isFalse();
        Project p = gson.fromJson("""
                {"id":3,"path_with_namespace":"diaspora/diaspora-client","default_branch":"main",
                 "ssh_url_to_repo":"git@example.com:diaspora/diaspora-client.git","http_url_to_repo":"https://example.com/diaspora/diaspora-client.git",
                 "web_url":"https://example.com/diaspora/diaspora-client",
                 "namespace":{"id":2,"name":"Diaspora","path":"diaspora","kind":"group","full_path":"diaspora"},
                 "permissions":{"project_access":{"access_level":10},"group_access":{"access_level":40}}}
                """, Project.class);
        assertThat(p.pathWithNamespace()).isEqualTo("diaspora/diaspora-client");
        assertThat(p.sshUrlToRepo()).isEqualTo("git@example.com:diaspora/diaspora-client.git");
        assertThat(p.namespace().fullPath()).isEqualTo("diaspora");
        assertThat(p.accessLevel()).isEqualTo(40);
    }

    @Test
    void protectedBranchWithDeployKey() {
        ProtectedBranch b = gson.fromJson("""
                {"id":100,"name":"main","push_access_levels":[{"id":1001,"access_level":40,"access_level_description":"Maintainers"},
                 {"id":1002,"access_level":40,"access_level_description":"Deploy key","deploy_key_id":1}],
                 "merge_access_levels":[{"id":2001,"access_level":40,"access_level_description":"Maintainers"}],
                 "allow_force_push":false,"code_owner_approval_required":false}
                """, ProtectedBranch.class);
        assertThat(b.name()).isEqualTo("main");
        assertThat(b.pushAccessLevels()).hasSize(2);
        assertThat(b.pushAccessLevels().get(1).deployKeyId()).isEqualTo(1L);
        assertThat(b.allowsDeployKeyToPush(1)).isTrue();
        assertThat(b.allowsDeployKeyToPush(2)).isFalse();
        assertThat(b.mergeAccessLevels().get(0).accessLevelDescription()).isEqualTo("Maintainers");
        assertThat(b.allowForcePush()).isFalse();
        ProtectedBranch viaPost = gson.fromJson("""
                {"name":"main","push_access_levels":[{"access_level":null,"access_level_description":"Deploy","deploy_key_id":7}]}
                """, ProtectedBranch.class);
        assertThat(viaPost.pushAccessLevels().get(0).accessLevel()).isNull();
        assertThat(viaPost.allowsDeployKeyToPush(7)).isTrue();
    }

    @Test
    void errorShapes() {
        assertThat(detail(400, "{\"message\":{\"deploy_key.fingerprint_sha256\":[\"has already been taken\"]}}"))
                .isEqualTo("deploy_key.fingerprint_sha256 has already been taken");
        assertThat(detail(400, "{\"error\":\"title is missing\"}")).isEqualTo("title is missing");
        assertThat(detail(404, "{\"message\":\"404 Project Not Found\"}")).isEqualTo("404 Project Not Found");
        assertThat(detail(404, "{\"error\":\"404 Not Found\"}")).isEqualTo("404 Not Found");
        assertThat(detail(429, "Retry later")).isEqualTo("Retry later");
        assertThat(detail(429, "{\"message\":{\"error\":\"This endpoint has been requested too many times. Try again later.\"}}"))
                .isEqualTo("This endpoint has been requested too many times. Try again later.");

        GitLabErrors errors = new GitLabErrors(null);
        assertThat(errors.fromResponse(401, Headers.of(), "{\"message\":\"401 Unauthorized\"}").kind())
                .isEqualTo(GitLabErrorKind.UNAUTHORIZED);
        assertThat(errors.fromResponse(401, Headers.of(),
                "{\"error\":\"invalid_token\",\"error_description\":\"Token is expired. You can either do re-authorization or token refresh.\"}").kind())
                .isEqualTo(GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED);
        GitLabException scope = errors.fromResponse(403, Headers.of(),
                "{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher privileges than provided by the access token.\",\"scope\":\"api\"}");
        assertThat(scope.kind()).isEqualTo(GitLabErrorKind.INSUFFICIENT_SCOPE);
        assertThat(scope.userMessage("group/repo")).contains("api scope");
        assertThat(errors.fromResponse(403, Headers.of(), "{\"message\":\"403 Forbidden\"}").kind()).isEqualTo(GitLabErrorKind.FORBIDDEN);
        GitLabException limited = errors.fromResponse(429, Headers.of("Retry-After", "30"), "Retry later");
        assertThat(limited.kind()).isEqualTo(GitLabErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfterSeconds()).contains(30L);
        assertThat(errors.fromResponse(503, Headers.of(), "<html>oops</html>").kind()).isEqualTo(GitLabErrorKind.SERVER_ERROR);
    }

    @Test
    void notFoundSaysWhatToDo() {
        GitLabException e = new GitLabErrors(null).fromResponse(404, Headers.of(), "{\"message\":\"404 Project Not Found\"}");
        assertThat(e.userMessage("group/repo")).isEqualTo(
                "GitLab answered 404 for group/repo: it does not exist, or this token cannot see it (404 Project Not Found).");
        assertThat(e.userMessage("group/repo", "deploy tokens")).isEqualTo(
                "GitLab answered 404 for group/repo: it does not exist, or this token cannot see it (404 Project Not Found).");
        // lib/api/helpers.rb authorize! → forbidden!: a visible project below Maintainer
        GitLabException forbidden = new GitLabErrors(null).fromResponse(403, Headers.of(), "{\"message\":\"403 Forbidden\"}");
        assertThat(forbidden.userMessage("group/repo", "deploy tokens")).startsWith(
                "Your role on group/repo does not allow managing its deploy tokens (GitLab answered 403");
    }

    @Test
    void listOfKeysAndNullsEverywhere() {
        List<DeployKey> keys = gson.fromJson("[{\"id\":1},{}]", new com.google.gson.reflect.TypeToken<List<DeployKey>>() {}.getType());
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1).id()).isNull();
    }

    private static String detail(int status, String body) {
        return GitLabErrors.readableDetail(
                body.startsWith("{") ? JsonParser.parseString(body).getAsJsonObject() : null, body);
    }
}
