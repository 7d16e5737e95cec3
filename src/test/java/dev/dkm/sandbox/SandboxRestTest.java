package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxHttp.Answer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST core against the in-process sandbox: auth, users, projects, groups, pagination, errors. */
class SandboxRestTest extends InProcessSandbox {

    @Test
    void versionMetadataAndUser() {
        Answer v = http.get("/version", server.maintainerToken());
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.json().getAsJsonObject().get("version").getAsString()).isNotBlank();
        assertThat(http.get("/metadata", server.maintainerToken()).json().getAsJsonObject().has("kas")).isTrue();

        JsonObject me = http.get("/user", server.maintainerToken()).json().getAsJsonObject();
        assertThat(me.get("username").getAsString()).isEqualTo("maria");
        assertThat(me.has("is_admin")).as("Entities::UserPublic has no is_admin (lib/api/users.rb)").isFalse();
        assertThat(http.get("/user", server.adminToken()).json().getAsJsonObject().get("is_admin").getAsBoolean()).isTrue();
    }

    @Test
    void bearerHeaderWorksToo() {
        Answer a = http.send("GET", "/user", null, null);
        assertThat(a.status()).isEqualTo(401);
        java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
        try {
            var r = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.apiUrl() + "/user"))
                    .header("Authorization", "Bearer " + server.developerToken()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"username\":\"dave\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badTokensAnswerLikeGitLab() {
        Answer none = http.get("/user", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().toString()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
        assertThat(http.get("/user", "glpat-nope").json().toString()).isEqualTo("{\"message\":\"401 Unauthorized\"}");

        String expired = server.world().createPersonalAccessToken("dave", "old", List.of("api"), LocalDate.now().minusDays(1));
        Answer e = http.get("/user", expired);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.json().getAsJsonObject().get("error").getAsString()).isEqualTo("invalid_token");
        assertThat(e.json().getAsJsonObject().get("error_description").getAsString()).startsWith("Token is expired");

        String revoked = server.world().createPersonalAccessToken("dave", "gone", List.of("api"), null);
        server.world().revokeToken(revoked);
        Answer r = http.get("/user", revoked);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getAsJsonObject().get("error_description").getAsString()).startsWith("Token was revoked");

        assertThat(http.get("/user", server.blockedUserToken()).status()).isEqualTo(403);
    }

    @Test
    void readApiScopeCannotWrite() {
        String readOnly = server.world().createPersonalAccessToken("maria", "ro", List.of("read_api"), null);
        assertThat(http.get("/projects", readOnly).status()).isEqualTo(200);
        Answer a = http.post("/projects/acme%2Fwebsite/deploy_tokens", readOnly, "{\"name\":\"x\",\"scopes\":[\"read_repository\"]}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().getAsJsonObject().get("error").getAsString()).isEqualTo("insufficient_scope");
    }

    @Test
    void unknownRoutesAndProjects() {
        Answer route = http.get("/nothing/here", server.maintainerToken());
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().toString()).isEqualTo("{\"error\":\"404 Not Found\"}");
        Answer project = http.get("/projects/9999", server.maintainerToken());
        assertThat(project.json().toString()).isEqualTo("{\"message\":\"404 Project Not Found\"}");
        // maria is not a member of the private secret/vault: GitLab hides it.
        assertThat(http.get("/projects/secret%2Fvault", server.maintainerToken()).status()).isEqualTo(404);
        assertThat(http.get("/projects/secret%2Fvault", server.adminToken()).status()).isEqualTo(200);
        assertThat(http.get("/groups/nope", server.maintainerToken()).json().toString())
                .isEqualTo("{\"message\":\"404 Group Not Found\"}");
    }

    @Test
    void projectByIdAndByEncodedPath() {
        JsonObject byPath = http.get("/projects/acme%2Fplatform%2Fapi", server.maintainerToken()).json().getAsJsonObject();
        assertThat(byPath.get("path_with_namespace").getAsString()).isEqualTo("acme/platform/api");
        int id = byPath.get("id").getAsInt();
        JsonObject byId = http.get("/projects/" + id, server.maintainerToken()).json().getAsJsonObject();
        assertThat(byId.get("name").getAsString()).isEqualTo("API");
        assertThat(byId.get("ssh_url_to_repo").getAsString())
                .isEqualTo("ssh://git@127.0.0.1:" + server.sshPort() + "/acme/platform/api.git");
        assertThat(byId.get("http_url_to_repo").getAsString()).isEqualTo(server.url() + "/acme/platform/api.git");
        assertThat(byId.get("default_branch").getAsString()).isEqualTo("main");
        JsonObject ns = byId.getAsJsonObject("namespace");
        assertThat(ns.get("full_path").getAsString()).isEqualTo("acme/platform");
        assertThat(ns.get("kind").getAsString()).isEqualTo("group");
        assertThat(byId.getAsJsonObject("permissions").getAsJsonObject("group_access").get("access_level").getAsInt())
                .isEqualTo(40);
    }

    @Test
    void projectListsFilterByMembershipAndRole() {
        JsonArray mine = http.get("/projects?membership=true&simple=true&per_page=100", server.maintainerToken()).json().getAsJsonArray();
        assertThat(paths(mine)).contains("acme/website", "acme/platform/api", "acme/handbook").doesNotContain("secret/vault");
        assertThat(mine.get(0).getAsJsonObject().has("permissions")).isFalse();

        JsonArray devMaint = http.get("/projects?min_access_level=40", server.developerToken()).json().getAsJsonArray();
        assertThat(devMaint).isEmpty();

        JsonArray search = http.get("/projects?search=infra", server.maintainerToken()).json().getAsJsonArray();
        assertThat(paths(search)).containsExactly("acme/platform/infra");

        JsonArray all = http.get("/projects?per_page=100", server.adminToken()).json().getAsJsonArray();
        assertThat(paths(all)).contains("secret/vault");
    }

    @Test
    void paginationHeadersAndLinks() {
        Answer first = http.get("/projects?membership=true&per_page=2", server.maintainerToken());
        assertThat(first.json().getAsJsonArray()).hasSize(2);
        assertThat(first.header("X-Page")).isEqualTo("1");
        assertThat(first.header("X-Per-Page")).isEqualTo("2");
        assertThat(first.header("X-Prev-Page")).isEqualTo("");
        assertThat(first.header("X-Next-Page")).isEqualTo("2");
        int total = Integer.parseInt(first.header("X-Total"));
        assertThat(total).isGreaterThanOrEqualTo(4);
        assertThat(first.header("X-Total-Pages")).isEqualTo(String.valueOf((total + 1) / 2));
        assertThat(first.header("Link"))
                .contains("<" + server.apiUrl() + "/projects?membership=true&page=2&per_page=2>; rel=\"next\"")
                .contains("rel=\"first\"").contains("rel=\"last\"").doesNotContain("rel=\"prev\"");

        int lastPage = Integer.parseInt(first.header("X-Total-Pages"));
        Answer last = http.get("/projects?membership=true&per_page=2&page=" + lastPage, server.maintainerToken());
        assertThat(last.header("X-Next-Page")).isEqualTo("");
        assertThat(last.header("X-Prev-Page")).isEqualTo(String.valueOf(lastPage - 1));
        assertThat(last.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        Answer capped = http.get("/projects?per_page=500", server.adminToken());
        assertThat(capped.header("X-Per-Page")).isEqualTo("100");
        Answer dflt = http.get("/projects", server.adminToken());
        assertThat(dflt.header("X-Per-Page")).isEqualTo("20");
    }

    @Test
    void keysetPaginationFollowsLinkNext() {
        Answer first = http.get("/projects?pagination=keyset&order_by=id&sort=asc&per_page=2", server.adminToken());
        assertThat(first.header("X-Total")).isNull();
        List<Integer> ids = new java.util.ArrayList<>();
        first.json().getAsJsonArray().forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsInt()));
        String link = first.header("Link");
        assertThat(link).contains("id_after=" + ids.get(1)).contains("rel=\"next\"");
        while (link != null) {
            String next = link.substring(link.indexOf('<') + 1 + server.apiUrl().length(), link.indexOf('>'));
            Answer page = http.get(next, server.adminToken());
            page.json().getAsJsonArray().forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsInt()));
            link = page.header("Link");
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void groupsAndSubgroups() {
        JsonObject g = http.get("/groups/acme%2Fplatform", server.maintainerToken()).json().getAsJsonObject();
        assertThat(g.get("full_path").getAsString()).isEqualTo("acme/platform");
        assertThat(g.get("full_name").getAsString()).isEqualTo("ACME / Platform");
        JsonArray groups = http.get("/groups", server.maintainerToken()).json().getAsJsonArray();
        assertThat(groups.toString()).contains("acme/platform").doesNotContain("\"secret\"");
        JsonArray projects = http.get("/groups/acme/projects?include_subgroups=true", server.maintainerToken()).json().getAsJsonArray();
        assertThat(paths(projects)).contains("acme/platform/api", "acme/website");
    }

    @Test
    void effectiveMembersIncludeInheritedRoles() {
        JsonArray members = http.get("/projects/acme%2Fplatform%2Fapi/members/all", server.developerToken()).json().getAsJsonArray();
        assertThat(members.toString()).contains("\"username\":\"maria\"").contains("\"username\":\"olivia\"")
                .doesNotContain("\"username\":\"root\"");
        int maria = server.world().userId("maria");
        JsonObject m = http.get("/projects/acme%2Fplatform%2Fapi/members/all/" + maria, server.developerToken()).json().getAsJsonObject();
        assertThat(m.get("access_level").getAsInt()).isEqualTo(40);
        JsonObject bob = http.get("/groups/acme/members/all/" + server.world().userId("bob"), server.developerToken())
                .json().getAsJsonObject();
        assertThat(bob.get("state").getAsString()).isEqualTo("blocked");
        assertThat(http.get("/projects/acme%2Fplatform%2Fapi/members/all/" + server.world().userId("root"), server.developerToken())
                .json().toString()).isEqualTo("{\"message\":\"404 Member Not Found\"}");
    }

    @Test
    void requestsAreCountedPerRoute() {
        server.resetRequestCounts();
        http.get("/projects/1", server.maintainerToken());
        http.get("/projects/2", server.maintainerToken());
        http.get("/version", server.maintainerToken());
        assertThat(server.requestCount("GET", "/projects/:id")).isEqualTo(2);
        assertThat(server.requestCount("GET", "/version")).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.requestCounts()).containsEntry("GET /projects/:id", 2L);
    }

    @Test
    void concurrentWritesGetDistinctIds() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                ids.add(pool.submit(() -> http.post("/projects/acme%2Fplatform%2Finfra/deploy_tokens", server.maintainerToken(),
                        "{\"name\":\"parallel-" + n + "\",\"scopes\":[\"read_repository\"]}")
                        .json().getAsJsonObject().get("id").getAsInt()));
            }
            java.util.Set<Integer> unique = new java.util.HashSet<>();
            for (var f : ids) {
                unique.add(f.get());
            }
            assertThat(unique).hasSize(40);
            assertThat(http.get("/projects/acme%2Fplatform%2Finfra/deploy_tokens?per_page=100", server.maintainerToken())
                    .header("X-Total")).isEqualTo("40");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stateSurvivesARestart(@TempDir Path dir) {
        String token;
        String fingerprint;
        try (SandboxServer s = Sandbox.builder().dataDir(dir).start()) {
            SandboxHttp h = new SandboxHttp(s.apiUrl());
            token = s.maintainerToken();
            fingerprint = s.hostKeyFingerprint();
            assertThat(h.post("/projects/acme%2Fwebsite/deploy_tokens", token,
                    "{\"name\":\"keepme\",\"scopes\":[\"read_repository\"]}").status()).isEqualTo(201);
        }
        try (SandboxServer s = Sandbox.builder().dataDir(dir).start()) {
            SandboxHttp h = new SandboxHttp(s.apiUrl());
            assertThat(s.maintainerToken()).isEqualTo(token);
            assertThat(s.hostKeyFingerprint()).isEqualTo(fingerprint);
            assertThat(h.get("/projects/acme%2Fwebsite/deploy_tokens", token).json().toString()).contains("keepme");
        }
    }

    static List<String> paths(JsonArray projects) {
        return projects.asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(o -> o.get("path_with_namespace").getAsString())
                .toList();
    }
}
