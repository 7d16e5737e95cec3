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

/** GET /jwt/auth: basic auth with a live deploy token that has a registry scope and covers the project. */
class RegistryAuthTest extends InProcessSandbox {
    private int auth(String user, String secret, String project) throws Exception {
        String url = server.registryAuthUrl() + "?service=container_registry"
                + (project == null ? "" : "&scope=" + URLEncoder.encode("repository:" + project + ":pull", StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
        assertThat(auth(projectUser, project, "acme/handbook")).isEqualTo(401);
        assertThat(auth(server.world().deployTokenUsername(group), group, "acme/platform/api")).isEqualTo(200);
        assertThat(auth("someone-else", project, "acme/website")).isEqualTo(401);
        assertThat(auth(null, null, "acme/website")).isEqualTo(401);
        assertThat(server.requestCount("GET", "/jwt/auth")).isEqualTo(6);
    }

    @Test
    void expired_or_repository_only_tokens_are_refused() throws Exception {
        String expired = server.world().createDeployToken("acme/website", null, "old", List.of("read_registry"),
                Instant.now().minus(1, ChronoUnit.DAYS));
        String repoOnly = server.world().createDeployToken("acme/website", null, "git", List.of("read_repository"), null);

        assertThat(auth(server.world().deployTokenUsername(expired), expired, "acme/website")).isEqualTo(401);
        assertThat(auth(server.world().deployTokenUsername(repoOnly), repoOnly, "acme/website")).isEqualTo(401);
    }
}
