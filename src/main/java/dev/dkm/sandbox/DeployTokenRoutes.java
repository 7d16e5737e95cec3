package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.DeployToken;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Deploy tokens at instance (admin list), project (Maintainer) and group (Maintainer to read, Owner to change) level. */
final class DeployTokenRoutes {
    static final Set<String> SCOPES = Set.of("read_repository", "read_registry", "write_registry",
            "read_package_registry", "write_package_registry", "read_virtual_registry", "write_virtual_registry");
    private static final Pattern USERNAME = Pattern.compile("\\A[a-zA-Z0-9.+_-]+\\z");
    private static final String NOT_FOUND = "Deploy Token";

    private final JsonViews views;

    DeployTokenRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/deploy_tokens", (d, r) -> {
            RouteSupport.requireAdmin(r);
            return list(d, r, t -> true);
        });
        router.add("GET", "/projects/:id/deploy_tokens", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            return list(d, r, t -> t.projectId != null && t.projectId == p.id);
        });
        router.add("GET", "/projects/:id/deploy_tokens/:token_id", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            return ApiResponse.ok(views.deployToken(find(d, r, t -> t.projectId != null && t.projectId == p.id), false));
        });
        router.add("POST", "/projects/:id/deploy_tokens", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            return ApiResponse.created(views.deployToken(create(d, r, p.id, null), true));
        });
        router.add("DELETE", "/projects/:id/deploy_tokens/:token_id", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            d.deployTokens.remove(find(d, r, t -> t.projectId != null && t.projectId == p.id));
            return ApiResponse.noContent();
        });
        router.add("GET", "/groups/:id/deploy_tokens", (d, r) -> {
            Group g = RouteSupport.groupWithRole(d, r, SandboxState.MAINTAINER);
            return list(d, r, t -> t.groupId != null && t.groupId == g.id);
        });
        router.add("GET", "/groups/:id/deploy_tokens/:token_id", (d, r) -> {
            Group g = RouteSupport.groupWithRole(d, r, SandboxState.MAINTAINER);
            return ApiResponse.ok(views.deployToken(find(d, r, t -> t.groupId != null && t.groupId == g.id), false));
        });
        router.add("POST", "/groups/:id/deploy_tokens", (d, r) -> {
            Group g = RouteSupport.groupWithRole(d, r, SandboxState.OWNER);
            return ApiResponse.created(views.deployToken(create(d, r, null, g.id), true));
        });
        router.add("DELETE", "/groups/:id/deploy_tokens/:token_id", (d, r) -> {
            Group g = RouteSupport.groupWithRole(d, r, SandboxState.OWNER);
            d.deployTokens.remove(find(d, r, t -> t.groupId != null && t.groupId == g.id));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse list(SandboxData d, ApiRequest r, Predicate<DeployToken> scope) {
        Boolean active = r.boolParam("active");
        List<JsonObject> out = d.deployTokens.stream()
                .filter(scope)
                .filter(t -> active == null || active == (!t.revoked && !SandboxState.isExpired(t.expiresAt)))
                .map(t -> views.deployToken(t, false))
                .collect(Collectors.toList());
        return Pagination.page(r, out);
    }

    /** {@code deploy_tokens.find(params[:token_id])} (GET one, and DELETE via DeployTokenMethods#destroy_deploy_token): 404 Not found. */
    private static DeployToken find(SandboxData d, ApiRequest r, Predicate<DeployToken> scope) {
        int id = r.intPathParam("token_id", NOT_FOUND);
        return d.deployTokens.stream().filter(t -> t.id == id).filter(scope).findFirst()
                .orElseThrow(ApiException::recordNotFound);
    }

    private static DeployToken create(SandboxData d, ApiRequest r, Integer projectId, Integer groupId) {
        String name = r.param("name");
        List<String> scopes = r.listParam("scopes");
        List<String> missing = new ArrayList<>();
        if (name == null || name.isBlank()) {
            missing.add("name is missing");
        }
        if (scopes.isEmpty()) {
            missing.add("scopes is missing");
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequestError(String.join(", ", missing));
        }
        if (!SCOPES.containsAll(scopes)) {
            throw ApiException.badRequestError("scopes does not have a valid value");
        }
        String username = r.param("username");
        if (username != null && !username.isBlank()
                && (username.length() > 255 || !USERNAME.matcher(username).matches())) {
            // DeployTokenMethods#create_deploy_token_payload_for: errors.full_messages.to_sentence, one string
            throw new ApiException(400, ApiException.message(username.length() > 255
                    ? "Username is too long (maximum is 255 characters)"
                    : "Username can contain only letters, digits, '_', '-', '+', and '.'"));
        }
        DeployToken t = new DeployToken();
        t.id = d.nextId("deploy_tokens");
        t.name = name;
        t.username = username == null || username.isBlank() ? "gitlab+deploy-token-" + t.id : username;
        t.token = TokenGenerator.deployToken();
        t.scopes = new ArrayList<>(scopes);
        t.expiresAt = r.dateTimeParam("expires_at");
        t.projectId = projectId;
        t.groupId = groupId;
        t.createdAt = System.currentTimeMillis();
        d.deployTokens.add(t);
        return t;
    }
}
