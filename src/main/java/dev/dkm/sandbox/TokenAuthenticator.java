package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Finds the user behind PRIVATE-TOKEN or Authorization: Bearer, with GitLab's answers for bad tokens. */
final class TokenAuthenticator {
    private TokenAuthenticator() {}

    /** Authenticates under the state lock; throws 401/403 as GitLab does. */
    static void authenticate(SandboxData d, ApiRequest request, String privateToken, String authorization) {
        String secret = privateToken;
        if ((secret == null || secret.isBlank()) && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            secret = authorization.substring(7).trim();
        }
        if (secret == null || secret.isBlank()) {
            throw ApiException.unauthorized();
        }
        String s = secret.trim();
        AccessToken token = d.accessTokens.stream().filter(t -> t.token.equals(s)).findFirst()
                .orElseThrow(ApiException::unauthorized);
        if (token.revoked) {
            throw invalidToken("Token was revoked. You have to re-authorize from the user.");
        }
        if (isExpired(token)) {
            throw invalidToken("Token is expired. You can either do re-authorization or token refresh.");
        }
        User user = SandboxState.user(d, token.userId).orElseThrow(ApiException::unauthorized);
        if (!"active".equals(user.state)) {
            throw new ApiException(403, ApiException.message("403 Forbidden - Your account has been blocked."));
        }
        token.lastUsedAt = System.currentTimeMillis();
        request.user = user;
        request.token = token;
    }

    /** An access token expires at the start of its expiry date (UTC). */
    static boolean isExpired(AccessToken t) {
        return t.expiresAt != null && !LocalDate.parse(t.expiresAt).isAfter(Times.today());
    }

    /**
     * GET needs read_api or api; anything else needs api. The PAT self endpoints accept any scope; read_user reads
     * /user and /users, and /version and /metadata too (lib/api/version.rb, lib/api/metadata.rb:
     * {@code allow_access_with_scope :read_user}).
     */
    static void checkScope(ApiRequest request, String routeTemplate) {
        if (routeTemplate.contains("/personal_access_tokens/self")) {
            return;
        }
        List<String> scopes = request.token.scopes;
        boolean ok = scopes.contains("api")
                || ("GET".equals(request.method) && (scopes.contains("read_api")
                        || (scopes.contains("read_user") && (routeTemplate.startsWith("GET /user")
                                || routeTemplate.equals("GET /version") || routeTemplate.equals("GET /metadata")))));
        if (!ok) {
            throw ApiException.insufficientScope("GET".equals(request.method) ? "api read_api" : "api");
        }
    }

    private static ApiException invalidToken(String description) {
        JsonObject body = new JsonObject();
        body.addProperty("error", "invalid_token");
        body.addProperty("error_description", description);
        return new ApiException(401, body, Map.of("WWW-Authenticate",
                "Bearer realm=\"Protected by OAuth 2.0\", error=\"invalid_token\", error_description=\""
                        + description + "\""));
    }
}
