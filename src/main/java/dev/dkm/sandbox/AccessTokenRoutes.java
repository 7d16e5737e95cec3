package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Personal access tokens (self, list) and project/group access tokens (list, revoke, rotate). */
final class AccessTokenRoutes {
    private static final String NOT_FOUND = "Access Token";
    private final JsonViews views;
    private final SandboxRelease release;

    AccessTokenRoutes(JsonViews views, SandboxRelease release) {
        this.views = views;
        this.release = release;
    }

    void register(ApiRouter router) {
        router.add("GET", "/personal_access_tokens/self", (d, r) -> ApiResponse.ok(views.accessToken(r.token, false)));
        router.add("DELETE", "/personal_access_tokens/self", (d, r) -> {
            r.token.revoked = true;
            return ApiResponse.noContent();
        });
        router.add("POST", "/personal_access_tokens/self/rotate", (d, r) -> {
            if (!release.atLeast(16, 10)) {
                throw ApiException.noRoute(); // the route came with 16.10
            }
            if (!r.token.scopes.contains("api") && !r.token.scopes.contains("self_rotate")) {
                throw ApiException.insufficientScope("api self_rotate");
            }
            return ApiResponse.ok(views.accessToken(rotate(d, r, r.token), true));
        });
        router.add("GET", "/personal_access_tokens", (d, r) -> {
            Integer userId = r.intParam("user_id");
            return list(d, r, t -> t.resourceType == null
                    && (r.user.admin ? userId == null || t.userId == userId : t.userId == r.user.id));
        });
        registerResource(router, "projects", "project");
        registerResource(router, "groups", "group");
    }

    /** GET list, GET one, DELETE (revoke) and POST rotate under /projects/:id or /groups/:id. */
    private void registerResource(ApiRouter router, String collection, String type) {
        String base = "/" + collection + "/:id/access_tokens";
        router.add("GET", base, (d, r) -> list(d, r, ofResource(type, resourceId(d, r, type))));
        router.add("GET", base + "/:token_id", (d, r) -> {
            AccessToken t = findOrNull(d, r, ofResource(type, resourceId(d, r, type)));
            if (t == null) {
                // not_found!("Could not find #{source_type} access token with token_id: #{params[:token_id]}")
                throw ApiException.notFound("Could not find " + type + " access token with token_id: " + r.pathParam("token_id"));
            }
            return ApiResponse.ok(views.accessToken(t, false));
        });
        router.add("DELETE", base + "/:token_id", (d, r) -> {
            find(d, r, ofResource(type, resourceId(d, r, type))).revoked = true;
            return ApiResponse.noContent();
        });
        router.add("POST", base + "/:token_id/rotate", (d, r) -> {
            if (!release.atLeast(16, 0)) {
                throw ApiException.noRoute(); // the route came with 16.0
            }
            AccessToken old = findOrNull(d, r, ofResource(type, resourceId(d, r, type)));
            if (old == null) {
                // "Only admins should be informed if the token doesn't exist": not_found! for them, else unauthorized!
                throw r.user.admin ? ApiException.notFound(null) : ApiException.unauthorized();
            }
            return ApiResponse.ok(views.accessToken(rotate(d, r, old), true));
        });
    }

    /**
     * Project tokens need Maintainer on the project, group tokens Owner of the group; below that GitLab answers 401
     * to a valid token (lib/api/resource_access_tokens.rb: {@code next unauthorized! unless current_user.can?(...)}),
     * and 404 only when the project or group is invisible ({@code find_project!}/{@code find_group!}).
     */
    private static int resourceId(SandboxData d, ApiRequest r, String type) {
        if (type.equals("project")) {
            Project p = RouteSupport.projectWithRoleOr401(d, r, SandboxState.MAINTAINER);
            return p.id;
        }
        Group g = RouteSupport.groupWithRoleOr401(d, r, SandboxState.OWNER);
        return g.id;
    }

    private static Predicate<AccessToken> ofResource(String type, int id) {
        return t -> type.equals(t.resourceType) && t.resourceId != null && t.resourceId == id;
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

    private static AccessToken findOrNull(SandboxData d, ApiRequest r, Predicate<AccessToken> scope) {
        String raw = r.pathParam("token_id");
        if (raw == null || !raw.matches("\\d{1,9}")) {
            return null;
        }
        int id = Integer.parseInt(raw);
        return d.accessTokens.stream().filter(t -> t.id == id).filter(scope).findFirst().orElse(null);
    }

    private static AccessToken find(SandboxData d, ApiRequest r, Predicate<AccessToken> scope) {
        int id = r.intPathParam("token_id", NOT_FOUND);
        return d.accessTokens.stream().filter(t -> t.id == id).filter(scope).findFirst()
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** New secret, same name and scopes; the old token is revoked; expiry defaults to one week. */
    private static AccessToken rotate(SandboxData d, ApiRequest r, AccessToken old) {
        if (!isActive(old)) {
            // The rotate services answer bad_request!(response.message): {"message":"400 Bad request - ..."}
            throw ApiException.badRequest(old.revoked ? "token already revoked" : "token already expired");
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
        return t;
    }

    static boolean isActive(AccessToken t) {
        return !t.revoked && !TokenAuthenticator.isExpired(t);
    }
}
