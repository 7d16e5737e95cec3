package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /jwt/auth as app/services/auth/container_registry_authentication_service.rb answers: 401 for bad credentials,
 * 403 DENIED for a live token without a registry scope, and 200 for a registry-scoped one whatever the repository:
 * the JWT payload's {@code access} says what it may do there (empty when it does not cover it).
 */
class RegistryAuthTest extends InProcessSandbox {
    private record Answer(int status, String body) {
        /** The JWT payload's access list, as JSON text. */
        String access() {
            String jwt = com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("token").getAsString();
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            return com.google.gson.JsonParser.parseString(payload).getAsJsonObject().get("access").toString();
        }
    }

    private int auth(String user, String secret, String project) throws Exception {
        return answer(user, secret, project).status();
    }

    private Answer answer(String user, String secret, String project) throws Exception {
        String url = server.registryAuthUrl() + "?service=container_registry"
                + (project == null ? "" : "&scope=" + URLEncoder.encode("repository:" + project + ":pull", StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    @Test
    void a_live_registry_token_is_accepted_for_its_project_and_the_projects_of_its_group() throws Exception {
        server.resetRequestCounts();
        Instant later = Instant.now().plus(10, ChronoUnit.DAYS);
        String project = server.world().createDeployToken("acme/website", null, "pull", List.of("read_registry"), later);
        String group = server.world().createDeployToken(null, "acme", "group-pull", List.of("read_registry"), later);
        String projectUser = server.world().deployTokenUsername(project);

        assertThat(auth(projectUser, project, "acme/website")).isEqualTo(200);
        assertThat(auth(projectUser, project, null)).isEqualTo(200);
        Answer other = answer(projectUser, project, "acme/handbook");
        assertThat(other.status()).as("GitLab answers 200 for a repository the token does not cover").isEqualTo(200);
        assertThat(other.access()).isEqualTo("[]");
        assertThat(answer(projectUser, project, "acme/website").access())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"acme/website\",\"actions\":[\"pull\"]}]");
        assertThat(auth(server.world().deployTokenUsername(group), group, "acme/platform/api")).isEqualTo(200);
        assertThat(auth("someone-else", project, "acme/website")).isEqualTo(401);
        assertThat(auth(null, null, "acme/website")).isEqualTo(401);
        assertThat(server.requestCount("GET", "/jwt/auth")).isEqualTo(7);
    }

    @Test
    void expired_or_repository_only_tokens_are_refused() throws Exception {
        String expired = server.world().createDeployToken("acme/website", null, "old", List.of("read_registry"),
                Instant.now().minus(1, ChronoUnit.DAYS));
        String repoOnly = server.world().createDeployToken("acme/website", null, "git", List.of("read_repository"), null);

        assertThat(auth(server.world().deployTokenUsername(expired), expired, "acme/website")).isEqualTo(401);
        Answer denied = answer(server.world().deployTokenUsername(repoOnly), repoOnly, "acme/website");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"access forbidden\"}]}");
    }
}
