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
 * as app/services/auth/container_registry_authentication_service.rb answers a deploy token over HTTP basic auth:
 * <ul>
 * <li>unknown, revoked or expired credentials: 401 (HTTP Basic: Access denied);</li>
 * <li>a live token without a registry scope: 403 {@code {"errors":[{"code":"DENIED","message":"access forbidden"}]}}
 *     ({@code has_registry_ability?});</li>
 * <li>otherwise 200 {@code {"token":"<JWT>"}} whose payload's {@code access} lists only the actions granted
 *     ({@code process_repository_access}): an <b>empty list</b> when the token does not cover the repository asked
 *     for. The status alone says nothing about that repository.</li>
 * </ul>
 * The JWT is unsigned (there is no registry behind the sandbox to check it); its payload is GitLab's shape.
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
                .findFirst();
        if (token.isEmpty()) {
            return denied();
        }
        if (token.get().scopes.stream().noneMatch(REGISTRY_SCOPES::contains)) {
            JsonObject error = new JsonObject();
            error.addProperty("code", "DENIED");
            error.addProperty("message", "access forbidden");
            JsonArray errors = new JsonArray();
            errors.add(error);
            JsonObject body = new JsonObject();
            body.add("errors", errors);
            return new ApiResponse(403, body);
        }
        JsonArray access = new JsonArray();
        String repository = repositoryOf(scopeParam);
        if (repository != null && covers(d, token.get(), repository)) {
            JsonArray actions = new JsonArray();
            for (String action : actionsOf(scopeParam)) {
                if (action.equals("pull") || (action.equals("push") && token.get().scopes.contains("write_registry"))) {
                    actions.add(action);
                }
            }
            if (!actions.isEmpty()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("type", "repository");
                entry.addProperty("name", repository);
                entry.add("actions", actions);
                access.add(entry);
            }
        }
        JsonObject ok = new JsonObject();
        ok.addProperty("token", jwt(token.get(), access));
        return ApiResponse.ok(ok);
    }

    /** {@code header.payload.} (unsigned), base64url without padding, the payload as GitLab's authorized_token. */
    private static String jwt(DeployToken t, JsonArray access) {
        JsonObject header = new JsonObject();
        header.addProperty("typ", "JWT");
        header.addProperty("alg", "none");
        JsonObject payload = new JsonObject();
        payload.addProperty("iss", "gitlab-issuer");
        payload.addProperty("aud", "container_registry");
        long now = System.currentTimeMillis() / 1000;
        payload.addProperty("iat", now);
        payload.addProperty("exp", now + 300);
        payload.addProperty("auth_type", "deploy_token");
        payload.add("access", access);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** {@code repository:group/project:pull,push} → {@code [pull, push]}. */
    private static List<String> actionsOf(String scope) {
        int colon = scope.lastIndexOf(':');
        return colon < 0 ? List.of() : List.of(scope.substring(colon + 1).split(","));
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
