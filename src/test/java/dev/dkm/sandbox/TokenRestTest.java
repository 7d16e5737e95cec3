package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxHttp.Answer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deploy tokens, personal access tokens, project/group access tokens and protected branches. */
class TokenRestTest extends InProcessSandbox {

    @Test
    void projectDeployTokenLifecycle() {
        String maria = server.maintainerToken();
        Answer created = http.post("/projects/acme%2Fwebsite/deploy_tokens", maria,
                "{\"name\":\"registry\",\"scopes\":[\"read_repository\",\"read_registry\"],\"expires_at\":\"2099-01-02\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonObject t = created.json().getAsJsonObject();
        int id = t.get("id").getAsInt();
        assertThat(t.get("token").getAsString()).startsWith("gldt-");
        assertThat(t.get("username").getAsString()).isEqualTo("gitlab+deploy-token-" + id);
        assertThat(t.get("expires_at").getAsString()).isEqualTo("2099-01-02T00:00:00.000Z");
        assertThat(t.get("expired").getAsBoolean()).isFalse();
        assertThat(t.get("revoked").getAsBoolean()).isFalse();

        JsonObject got = http.get("/projects/acme%2Fwebsite/deploy_tokens/" + id, maria).json().getAsJsonObject();
        assertThat(got.has("token")).isFalse();
        assertThat(http.get("/projects/acme%2Fwebsite/deploy_tokens", maria).json().toString()).contains("registry");
        assertThat(http.get("/projects/acme%2Fwebsite/deploy_tokens", server.developerToken()).status()).isEqualTo(403);

        assertThat(http.delete("/projects/acme%2Fwebsite/deploy_tokens/" + id, maria).status()).isEqualTo(204);
        Answer gone = http.get("/projects/acme%2Fwebsite/deploy_tokens/" + id, maria);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void deployTokenValidation() {
        String maria = server.maintainerToken();
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_tokens", maria, "{\"scopes\":[\"read_repository\"]}")
                .json().toString()).isEqualTo("{\"error\":\"name is missing\"}");
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_tokens", maria, "{\"name\":\"x\"}")
                .json().toString()).isEqualTo("{\"error\":\"scopes is missing\"}");
        Answer bad = http.post("/projects/acme%2Fwebsite/deploy_tokens", maria, "{\"name\":\"x\",\"scopes\":[\"api\"]}");
        assertThat(bad.status()).isEqualTo(400);
        Answer custom = http.post("/projects/acme%2Fwebsite/deploy_tokens", maria,
                "{\"name\":\"x\",\"scopes\":\"read_repository,read_registry\",\"username\":\"ci.bot\"}");
        assertThat(custom.status()).isEqualTo(201);
        assertThat(custom.json().getAsJsonObject().get("username").getAsString()).isEqualTo("ci.bot");
        assertThat(custom.json().getAsJsonObject().getAsJsonArray("scopes")).hasSize(2);
    }

    @Test
    void groupDeployTokensNeedOwnerToChange() {
        String body = "{\"name\":\"group-pull\",\"scopes\":[\"read_repository\"]}";
        assertThat(http.post("/groups/acme/deploy_tokens", server.maintainerToken(), body).status()).isEqualTo(403);
        Answer created = http.post("/groups/acme/deploy_tokens", server.ownerToken(), body);
        assertThat(created.status()).isEqualTo(201);
        int id = created.json().getAsJsonObject().get("id").getAsInt();
        assertThat(http.get("/groups/acme/deploy_tokens", server.maintainerToken()).json().toString()).contains("group-pull");
        assertThat(http.get("/groups/acme/deploy_tokens/" + id, server.maintainerToken()).status()).isEqualTo(200);
        assertThat(http.delete("/groups/acme/deploy_tokens/" + id, server.maintainerToken()).status()).isEqualTo(403);
        assertThat(http.delete("/groups/acme/deploy_tokens/" + id, server.ownerToken()).status()).isEqualTo(204);
    }

    @Test
    void instanceListFiltersActive() {
        server.world().createDeployToken("acme/handbook", null, "expired-one", List.of("read_repository"),
                Instant.now().minus(1, ChronoUnit.DAYS));
        server.world().createDeployToken("acme/handbook", null, "live-one", List.of("read_repository"), null);
        assertThat(http.get("/deploy_tokens", server.maintainerToken()).status()).isEqualTo(403);
        String all = http.get("/deploy_tokens?per_page=100", server.adminToken()).json().toString();
        assertThat(all).contains("expired-one", "live-one");
        JsonArray active = http.get("/deploy_tokens?active=true&per_page=100", server.adminToken()).json().getAsJsonArray();
        assertThat(active.toString()).contains("live-one").doesNotContain("expired-one");
        JsonArray inactive = http.get("/projects/acme%2Fhandbook/deploy_tokens?active=false", server.maintainerToken())
                .json().getAsJsonArray();
        assertThat(inactive.toString()).contains("expired-one").contains("\"expired\":true");
    }

    @Test
    void personalAccessTokenSelfAndRotate() {
        String token = server.world().createPersonalAccessToken("dave", "rotating", List.of("api"),
                LocalDate.now(ZoneOffset.UTC).plusDays(30));
        JsonObject self = http.get("/personal_access_tokens/self", token).json().getAsJsonObject();
        assertThat(self.get("name").getAsString()).isEqualTo("rotating");
        assertThat(self.get("expires_at").getAsString()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(self.get("active").getAsBoolean()).isTrue();
        assertThat(self.get("user_id").getAsInt()).isEqualTo(server.world().userId("dave"));
        assertThat(self.has("token")).isFalse();

        Answer rotated = http.post("/personal_access_tokens/self/rotate", token, null);
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().getAsJsonObject().get("token").getAsString();
        assertThat(fresh).startsWith("glpat-").isNotEqualTo(token);
        assertThat(rotated.json().getAsJsonObject().get("expires_at").getAsString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusWeeks(1).toString());
        assertThat(http.get("/user", token).status()).isEqualTo(401);
        assertThat(http.get("/user", fresh).status()).isEqualTo(200);

        assertThat(http.delete("/personal_access_tokens/self", fresh).status()).isEqualTo(204);
        assertThat(http.get("/user", fresh).status()).isEqualTo(401);
    }

    @Test
    void projectAndGroupAccessTokens() {
        server.world().createProjectAccessToken("acme/platform/api", "deployer", 40, List.of("api"),
                LocalDate.now(ZoneOffset.UTC).plusDays(3));
        server.world().createGroupAccessToken("acme", "group-bot", 30, List.of("read_api"), null);
        JsonArray project = http.get("/projects/acme%2Fplatform%2Fapi/access_tokens", server.maintainerToken())
                .json().getAsJsonArray();
        assertThat(project).hasSize(1);
        assertThat(project.get(0).getAsJsonObject().get("access_level").getAsInt()).isEqualTo(40);
        JsonArray group = http.get("/groups/acme/access_tokens", server.ownerToken()).json().getAsJsonArray();
        assertThat(group.toString()).contains("group-bot");
        assertThat(http.get("/groups/acme/access_tokens?state=inactive", server.ownerToken()).json().getAsJsonArray()).isEmpty();

        int id = project.get(0).getAsJsonObject().get("id").getAsInt();
        Answer rotated = http.post("/projects/acme%2Fplatform%2Fapi/access_tokens/" + id + "/rotate", server.maintainerToken(), null);
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().getAsJsonObject().get("token").getAsString();
        assertThat(http.get("/user", fresh).json().getAsJsonObject().get("bot").getAsBoolean()).isTrue();
        int newId = rotated.json().getAsJsonObject().get("id").getAsInt();
        assertThat(http.get("/projects/acme%2Fplatform%2Fapi/access_tokens/" + id, server.maintainerToken())
                .json().getAsJsonObject().get("revoked").getAsBoolean()).isTrue();
        assertThat(http.delete("/projects/acme%2Fplatform%2Fapi/access_tokens/" + newId, server.maintainerToken()).status())
                .isEqualTo(204);
        assertThat(http.get("/user", fresh).status()).isEqualTo(401);
        // lib/api/resource_access_tokens.rb: next unauthorized! unless current_user.can?(:read_resource_access_tokens, …)
        assertThat(http.get("/projects/acme%2Fplatform%2Fapi/access_tokens", server.developerToken()).status()).isEqualTo(401);
        assertThat(http.get("/groups/acme/access_tokens", server.maintainerToken()).status()).isEqualTo(401);
        assertThat(http.get("/groups/secret/access_tokens", server.maintainerToken()).json().toString())
                .isEqualTo("{\"message\":\"404 Group Not Found\"}");
    }

    @Test
    void protectedBranchesWithDeployKeys() {
        String maria = server.maintainerToken();
        int keyId = http.post("/projects/acme%2Fplatform%2Finfra/deploy_keys", maria,
                DeployKeyRestTest.body("pusher", TestKeys.publicKeyLine("pusher"), true))
                .json().getAsJsonObject().get("id").getAsInt();
        Answer created = http.post("/projects/acme%2Fplatform%2Finfra/protected_branches", maria,
                "{\"name\":\"release\",\"push_access_level\":0,\"allowed_to_push\":[{\"deploy_key_id\":" + keyId + "}]}");
        assertThat(created.status()).isEqualTo(201);
        JsonArray push = created.json().getAsJsonObject().getAsJsonArray("push_access_levels");
        assertThat(push.toString()).contains("\"access_level_description\":\"No one\"")
                .contains("\"deploy_key_id\":" + keyId);
        assertThat(http.post("/projects/acme%2Fplatform%2Finfra/protected_branches", maria, "{\"name\":\"release\"}").status())
                .isEqualTo(409);

        int deployEntry = push.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.has("deploy_key_id")).findFirst().orElseThrow().get("id").getAsInt();
        Answer patched = http.patch("/projects/acme%2Fplatform%2Finfra/protected_branches/release", maria,
                "{\"allow_force_push\":true,\"allowed_to_push\":[{\"id\":" + deployEntry + ",\"_destroy\":true}]}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().toString()).doesNotContain("deploy_key_id").contains("\"allow_force_push\":true");

        assertThat(http.get("/projects/acme%2Fplatform%2Finfra/protected_branches", maria).json().toString()).contains("release");
        assertThat(http.get("/projects/acme%2Fplatform%2Finfra/protected_branches/release", maria).status()).isEqualTo(200);
        assertThat(http.get("/projects/acme%2Fplatform%2Finfra/protected_branches/nope", maria).status()).isEqualTo(404);
        assertThat(http.delete("/projects/acme%2Fplatform%2Finfra/protected_branches/release", maria).status()).isEqualTo(204);
    }
}
