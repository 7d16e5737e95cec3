package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxHttp.Answer;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deploy keys: every endpoint of reference §1, GitLab's duplicate-key rules and its error shapes. */
class DeployKeyRestTest extends InProcessSandbox {
    static String maria;

    @BeforeAll
    static void tokens() {
        maria = server.maintainerToken();
    }

    static String body(String title, String key, Boolean canPush) {
        JsonObject o = new JsonObject();
        o.addProperty("title", title);
        o.addProperty("key", key);
        if (canPush != null) {
            o.addProperty("can_push", canPush);
        }
        return o.toString();
    }

    @Test
    void createListGetUpdateDelete() {
        String key = TestKeys.publicKeyLine("ci@example");
        Answer created = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("CI", key, true));
        assertThat(created.status()).isEqualTo(201);
        JsonObject k = created.json().getAsJsonObject();
        int id = k.get("id").getAsInt();
        assertThat(k.get("title").getAsString()).isEqualTo("CI");
        assertThat(k.get("key").getAsString()).isEqualTo(key);
        assertThat(k.get("can_push").getAsBoolean()).isTrue();
        assertThat(k.get("created_at").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(k.get("expires_at").isJsonNull()).isTrue();
        assertThat(k.get("fingerprint").getAsString()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        byte[] blob = Base64.getDecoder().decode(key.split(" ")[1]);
        assertThat(k.get("fingerprint_sha256").getAsString()).isEqualTo(SshPublicKeys.sha256Fingerprint(blob));

        JsonArray list = http.get("/projects/acme%2Fwebsite/deploy_keys", maria).json().getAsJsonArray();
        assertThat(list.toString()).contains("\"id\":" + id);
        assertThat(http.get("/projects/acme%2Fwebsite/deploy_keys/" + id, maria).status()).isEqualTo(200);

        Answer updated = http.put("/projects/acme%2Fwebsite/deploy_keys/" + id, maria, "{\"can_push\":false,\"title\":\"CI ro\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getAsJsonObject().get("can_push").getAsBoolean()).isFalse();
        assertThat(updated.json().getAsJsonObject().get("title").getAsString()).isEqualTo("CI ro");
        assertThat(http.put("/projects/acme%2Fwebsite/deploy_keys/" + id, maria, "{}").status()).isEqualTo(400);

        assertThat(http.delete("/projects/acme%2Fwebsite/deploy_keys/" + id, maria).status()).isEqualTo(204);
        Answer gone = http.get("/projects/acme%2Fwebsite/deploy_keys/" + id, maria);
        assertThat(gone.status()).isEqualTo(404);
        // GitLab (lib/api/deploy_keys.rb): GET/PUT use deploy_keys_projects.find_by! → ActiveRecord's "404 Not found";
        // DELETE uses not_found!('Deploy key') → "404 Deploy key Not Found".
        assertThat(gone.json().toString()).isEqualTo("{\"message\":\"404 Not found\"}");
        assertThat(http.delete("/projects/acme%2Fwebsite/deploy_keys/" + id, maria).json().toString())
                .isEqualTo("{\"message\":\"404 Deploy key Not Found\"}");
    }

    @Test
    void validationErrors() {
        Answer noKey = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, "{\"title\":\"x\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().toString()).isEqualTo("{\"error\":\"key is missing\"}");
        Answer noTitle = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body(null, TestKeys.publicKeyLine("x"), null));
        assertThat(noTitle.json().toString()).isEqualTo("{\"error\":\"title is missing\"}");
        Answer bad = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("x", "ssh-ed25519 notbase64!", null));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getAsJsonObject().getAsJsonObject("message").has("deploy_key.key")).isTrue();
    }

    @Test
    void developerGets403OnAProjectTheyCanSeeAnd404OnlyOnOneTheyCannot() {
        // lib/api/deploy_keys.rb: before { authorize_admin_project } → forbidden! (lib/api/helpers.rb); find_project! → 404
        Answer a = http.get("/projects/acme%2Fwebsite/deploy_keys", server.developerToken());
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().toString()).isEqualTo("{\"message\":\"403 Forbidden\"}");
        Answer hidden = http.get("/projects/secret%2Fvault/deploy_keys", server.developerToken());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().toString()).isEqualTo("{\"message\":\"404 Project Not Found\"}");
    }

    @Test
    void sameKeyOnSameProjectReturnsTheExistingOne() {
        String key = TestKeys.publicKeyLine("twice");
        int first = http.post("/projects/acme%2Fplatform%2Fapi/deploy_keys", maria, body("one", key, false))
                .json().getAsJsonObject().get("id").getAsInt();
        Answer again = http.post("/projects/acme%2Fplatform%2Fapi/deploy_keys", maria, body("two", key + " ", true));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().getAsJsonObject().get("id").getAsInt()).isEqualTo(first);
        assertThat(again.json().getAsJsonObject().get("title").getAsString()).isEqualTo("one");
        assertThat(again.json().getAsJsonObject().get("can_push").getAsBoolean()).isFalse();
    }

    @Test
    void accessibleKeyElsewhereIsAttachedWithTheRequestedCanPush() {
        String key = TestKeys.publicKeyLine("shared");
        int id = http.post("/projects/acme%2Fplatform%2Finfra/deploy_keys", maria, body("shared", key, false))
                .json().getAsJsonObject().get("id").getAsInt();
        Answer attached = http.post("/projects/acme%2Fhandbook/deploy_keys", maria, body("other title", key, true));
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.json().getAsJsonObject().get("id").getAsInt()).isEqualTo(id);
        assertThat(attached.json().getAsJsonObject().get("can_push").getAsBoolean()).isTrue();

        // admin listing shows both projects, split by access
        JsonArray all = http.get("/deploy_keys?per_page=100", server.adminToken()).json().getAsJsonArray();
        JsonObject entry = all.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("id").getAsInt() == id).findFirst().orElseThrow();
        assertThat(entry.getAsJsonArray("projects_with_write_access").toString()).contains("acme/handbook");
        assertThat(entry.getAsJsonArray("projects_with_readonly_access").toString()).contains("acme/platform/infra");

        // deleting from one project keeps the key for the other
        assertThat(http.delete("/projects/acme%2Fhandbook/deploy_keys/" + id, maria).status()).isEqualTo(204);
        assertThat(http.get("/projects/acme%2Fplatform%2Finfra/deploy_keys/" + id, maria).status()).isEqualTo(200);
    }

    @Test
    void keyInvisibleToTheCallerIsTakenAndAnotherCommentDoesNotHelp() {
        String key = TestKeys.publicKeyLine("owner-only");
        assertThat(http.post("/projects/secret%2Fvault/deploy_keys", server.ownerToken(), body("vault", key, false)).status())
                .isEqualTo(201);
        Answer taken = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("mine", key, false));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().toString())
                .isEqualTo("{\"message\":{\"deploy_key.fingerprint_sha256\":[\"has already been taken\"]}}");

        String otherComment = key.substring(0, key.lastIndexOf(' ')) + " renamed";
        Answer stillTaken = http.post("/projects/acme%2Fwebsite/deploy_keys", server.ownerToken(), body("x", otherComment, false));
        assertThat(stillTaken.status()).isEqualTo(400);
    }

    @Test
    void aUsersPersonalKeyBlocksTheSameDeployKey() {
        String key = TestKeys.publicKeyLine("dave@laptop");
        server.world().addUserSshKey("dave", "laptop", key);
        Answer taken = http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("dave's", key, false));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().toString()).contains("has already been taken");
    }

    @Test
    void personalKeysThroughTheApiShareTheFingerprintSpace() {
        String key = TestKeys.publicKeyLine("dave@desktop");
        Answer created = http.post("/user/keys", server.developerToken(), body("desktop", key, null));
        assertThat(created.status()).isEqualTo(201);
        int id = created.json().getAsJsonObject().get("id").getAsInt();
        assertThat(http.get("/user/keys", server.developerToken()).json().toString()).contains("desktop");
        assertThat(http.get("/users/dave/keys", maria).json().toString()).contains("desktop");
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("x", key, false)).status()).isEqualTo(400);
        assertThat(http.post("/user/keys", maria, body("again", key, null)).json().toString())
                .isEqualTo("{\"message\":{\"fingerprint_sha256\":[\"has already been taken\"]}}");
        assertThat(http.delete("/user/keys/" + id, maria).status()).isEqualTo(404);
        assertThat(http.delete("/user/keys/" + id, server.developerToken()).status()).isEqualTo(204);
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_keys", maria, body("x", key, false)).status()).isEqualTo(201);
    }

    @Test
    void enableStartsReadOnlyAndNeedsAccess() {
        String key = TestKeys.publicKeyLine("enable-me");
        int id = http.post("/projects/acme%2Fplatform%2Fapi/deploy_keys", maria, body("rw", key, true))
                .json().getAsJsonObject().get("id").getAsInt();
        Answer enabled = http.post("/projects/acme%2Fwebsite/deploy_keys/" + id + "/enable", maria, null);
        assertThat(enabled.status()).isEqualTo(201);
        assertThat(enabled.json().getAsJsonObject().has("can_push")).isFalse();
        assertThat(http.get("/projects/acme%2Fwebsite/deploy_keys/" + id, maria).json().getAsJsonObject()
                .get("can_push").getAsBoolean()).isFalse();

        Answer unknown = http.post("/projects/acme%2Fwebsite/deploy_keys/99999/enable", maria, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().toString()).isEqualTo("{\"message\":\"404 Deploy key Not Found\"}");

        // a key only on secret/vault is not accessible to maria
        int hidden = http.post("/projects/secret%2Fvault/deploy_keys", server.ownerToken(),
                body("hidden", TestKeys.publicKeyLine("h"), false)).json().getAsJsonObject().get("id").getAsInt();
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_keys/" + hidden + "/enable", maria, null).status()).isEqualTo(404);
    }

    @Test
    void instanceKeysAreAdminOnlyAndPublic() {
        String key = TestKeys.publicKeyLine("public");
        assertThat(http.post("/deploy_keys", maria, body("pub", key, null)).status()).isEqualTo(403);
        assertThat(http.get("/deploy_keys", maria).status()).isEqualTo(403);
        Answer created = http.post("/deploy_keys", server.adminToken(), body("pub", key, null));
        assertThat(created.status()).isEqualTo(201);
        int id = created.json().getAsJsonObject().get("id").getAsInt();
        JsonArray pub = http.get("/deploy_keys?public=true", server.adminToken()).json().getAsJsonArray();
        assertThat(pub.toString()).contains("\"id\":" + id);
        Answer dup = http.post("/deploy_keys", server.adminToken(), body("pub2", key, null));
        assertThat(dup.json().toString()).isEqualTo("{\"message\":{\"fingerprint_sha256\":[\"has already been taken\"]}}");
        // a public key can be enabled by anyone with Maintainer on the project
        assertThat(http.post("/projects/acme%2Fwebsite/deploy_keys/" + id + "/enable", maria, null).status()).isEqualTo(201);
        // maria's title change on a public key is ignored
        Answer put = http.put("/projects/acme%2Fwebsite/deploy_keys/" + id, maria, "{\"title\":\"mine now\"}");
        assertThat(put.json().getAsJsonObject().get("title").getAsString()).isEqualTo("pub");
    }

    @Test
    void adminFindsWhereAKeyIsUsedByFingerprint() {
        String key = TestKeys.publicKeyLine("where-am-i");
        JsonObject created = http.post("/projects/secret%2Fvault/deploy_keys", server.ownerToken(), body("vault ci", key, true))
                .json().getAsJsonObject();
        String fp = created.get("fingerprint_sha256").getAsString();
        assertThat(http.get("/keys?fingerprint=" + fp.replace("+", "%2B"), maria).status()).isEqualTo(403);
        JsonObject found = http.get("/keys?fingerprint=" + java.net.URLEncoder.encode(fp, java.nio.charset.StandardCharsets.UTF_8),
                server.adminToken()).json().getAsJsonObject();
        assertThat(found.get("id").getAsInt()).isEqualTo(created.get("id").getAsInt());
        assertThat(found.getAsJsonObject("user").get("username").getAsString()).isEqualTo("olivia");
        JsonObject link = found.getAsJsonArray("deploy_keys_projects").get(0).getAsJsonObject();
        assertThat(link.get("project_id").getAsInt()).isEqualTo(server.world().projectId("secret/vault"));
        assertThat(link.get("can_push").getAsBoolean()).isTrue();
        String md5 = created.get("fingerprint").getAsString();
        assertThat(http.get("/keys?fingerprint=" + md5, server.adminToken()).status()).isEqualTo(200);
        assertThat(http.get("/keys?fingerprint=SHA256:nothing", server.adminToken()).json().toString())
                .isEqualTo("{\"message\":\"404 Key Not Found\"}");
    }

    @Test
    void userProjectDeployKeysListsKeysOfSharedProjects() {
        String key = TestKeys.publicKeyLine("shared-with-dave");
        http.post("/projects/acme%2Fplatform%2Finfra/deploy_keys", maria, body("for dave", key, false));
        // lib/api/users.rb: projects both users maintain (visible_to_user_and_access_level(…, MAINTAINER))
        Answer a = http.get("/users/olivia/project_deploy_keys", maria);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().toString()).contains("for dave");
        Answer developer = http.get("/users/dave/project_deploy_keys", maria);
        assertThat(developer.status()).isEqualTo(403);
        assertThat(developer.json().toString()).isEqualTo("{\"message\":\"403 Forbidden - No common authorized project found\"}");
        assertThat(http.get("/users/nobody/project_deploy_keys", maria).status()).isEqualTo(404);
    }
}
