package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Personal access tokens (self, list) and project/group access tokens. */
final class AccessTokenRoutes {
    private final JsonViews views;

    AccessTokenRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/personal_access_tokens/self", (d, r) -> ApiResponse.ok(views.accessToken(r.token, false)));
        router.add("DELETE", "/personal_access_tokens/self", (d, r) -> {
            r.token.revoked = true;
            return ApiResponse.noContent();
        });
        router.add("POST", "/personal_access_tokens/self/rotate", this::rotateSelf);
        router.add("GET", "/personal_access_tokens", (d, r) -> {
            Integer userId = r.intParam("user_id");
            return list(d, r, t -> t.resourceType == null
                    && (r.user.admin ? userId == null || t.userId == userId : t.userId == r.user.id));
        });
        router.add("GET", "/projects/:id/access_tokens", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            return list(d, r, t -> "project".equals(t.resourceType) && t.resourceId == p.id);
        });
        router.add("GET", "/groups/:id/access_tokens", (d, r) -> {
            Group g = RouteSupport.groupWithRole(d, r, SandboxState.OWNER);
            return list(d, r, t -> "group".equals(t.resourceType) && t.resourceId == g.id);
        });
    }

    private ApiResponse list(SandboxData d, ApiRequest r, Predicate<AccessToken> scope) {
        String state = r.param("state");
        List<JsonObject> out = d.accessTokens.stream()
                .filter(scope)
                .filter(t -> state == null || state.equals(isActive(t) ? "active" : "inactive"))
                .map(t -> views.accessToken(t, false))
                .collect(Collectors.toList());
        return Pagination.page(r, out);
    }

    /** New secret, same name and scopes; the old token is revoked; expiry defaults to one week. */
    private ApiResponse rotateSelf(SandboxData d, ApiRequest r) {
        AccessToken old = r.token;
        if (!old.scopes.contains("api") && !old.scopes.contains("self_rotate")) {
            JsonObject body = new JsonObject();
            body.addProperty("error", "insufficient_scope");
            body.addProperty("error_description",
                    "The request requires higher privileges than provided by the access token.");
            body.addProperty("scope", "api self_rotate");
            throw new ApiException(403, body, Map.of());
        }
        LocalDate expires = Times.today().plusWeeks(1);
        String requested = r.param("expires_at");
        if (requested != null && !requested.isBlank()) {
            try {
                expires = Times.parseDate(requested);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequestError("expires_at is invalid");
            }
            if (!expires.isAfter(Times.today())) {
                throw ApiException.badRequestError("Expiration date must be in the future");
            }
        }
        old.revoked = true;
        AccessToken t = new AccessToken();
        t.id = d.nextId("access_tokens");
        t.userId = old.userId;
        t.name = old.name;
        t.description = old.description;
        t.scopes = old.scopes;
        t.token = TokenGenerator.personalAccessToken();
        t.expiresAt = expires.toString();
        t.createdAt = System.currentTimeMillis();
        t.resourceType = old.resourceType;
        t.resourceId = old.resourceId;
        t.accessLevel = old.accessLevel;
        d.accessTokens.add(t);
        return ApiResponse.ok(views.accessToken(t, true));
    }

    static boolean isActive(AccessToken t) {
        return !t.revoked && !TokenAuthenticator.isExpired(t);
    }
}
