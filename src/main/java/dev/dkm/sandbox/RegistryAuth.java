package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.DeployToken;
import dev.dkm.sandbox.SandboxData.Project;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * GitLab's container registry token endpoint, {@code GET /jwt/auth?service=container_registry&scope=repository:PATH:pull},
 * reduced to what proves a registry login works: HTTP basic auth with a deploy token's username and secret answers
 * 200 (with a dummy token) when the token is live, has a registry scope and covers the project in {@code scope}
 * (its own project, or a project under its group); anything else answers 401 as GitLab does for bad credentials.
 * There is no real registry behind it.
 */
final class RegistryAuth {
    static final String PATH = "/jwt/auth";
    static final String ROUTE = "GET " + PATH;
    private static final List<String> REGISTRY_SCOPES = List.of("read_registry", "write_registry");

    private RegistryAuth() {}

    static ApiResponse answer(SandboxData d, String authorization, String scopeParam) {
        Optional<String[]> basic = basicCredentials(authorization);
        if (basic.isEmpty()) {
            return denied();
        }
        String username = basic.get()[0];
        String secret = basic.get()[1];
        Optional<DeployToken> token = d.deployTokens.stream()
                .filter(t -> t.token.equals(secret) && t.username.equals(username))
                .filter(t -> !t.revoked && !SandboxState.isExpired(t.expiresAt))
                .filter(t -> t.scopes.stream().anyMatch(REGISTRY_SCOPES::contains))
                .findFirst();
        if (token.isEmpty() || !covers(d, token.get(), repositoryOf(scopeParam))) {
            return denied();
        }
        JsonObject ok = new JsonObject();
        ok.addProperty("token", "sandbox-registry-jwt");
        ok.addProperty("expires_in", 300);
        return ApiResponse.ok(ok);
    }

    /** {@code repository:group/project:pull} → {@code group/project}; null when absent. */
    private static String repositoryOf(String scope) {
        if (scope == null || !scope.startsWith("repository:")) {
            return null;
        }
        String rest = scope.substring("repository:".length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static boolean covers(SandboxData d, DeployToken t, String projectPath) {
        if (projectPath == null) {
            return true;
        }
        Optional<Project> p = SandboxState.projectByIdOrPath(d, projectPath);
        if (p.isEmpty()) {
            return false;
        }
        if (t.projectId != null) {
            return t.projectId == p.get().id;
        }
        return t.groupId != null && SandboxState.groupChain(d, p.get().groupId).stream().anyMatch(g -> g.id == t.groupId);
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiResponse denied() {
        JsonObject error = new JsonObject();
        error.addProperty("code", "UNAUTHORIZED");
        error.addProperty("message", "HTTP Basic: Access denied");
        JsonArray errors = new JsonArray();
        errors.add(error);
        JsonObject body = new JsonObject();
        body.add("errors", errors);
        ApiResponse response = new ApiResponse(401, body);
        response.headers.put("WWW-Authenticate", "Basic realm=\"GitLab\"");
        return response;
    }
}
