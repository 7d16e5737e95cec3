package dev.dkm.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.User;
import java.util.stream.Collectors;

/** /version, /metadata, /user and /users. */
final class MetaRoutes {
    static final String REVISION = "dkm0sbx";

    private final JsonViews views;
    private final SandboxRelease release;

    MetaRoutes(JsonViews views, SandboxRelease release) {
        this.views = views;
        this.release = release;
    }

    void register(ApiRouter router) {
        router.add("GET", "/version", (d, r) -> ApiResponse.ok(version()));
        router.add("GET", "/metadata", (d, r) -> ApiResponse.ok(metadata()));
        // Entities::UserPublic for everyone, Entities::UserWithAdmin (is_admin) only for administrators (lib/api/users.rb)
        router.add("GET", "/user", (d, r) -> ApiResponse.ok(views.user(r.user, r.user.admin)));
        router.add("GET", "/users", this::listUsers);
        router.add("GET", "/users/:id", this::getUser);
    }

    private JsonObject version() {
        JsonObject o = new JsonObject();
        o.addProperty("version", release.versionString());
        o.addProperty("revision", REVISION);
        return o;
    }

    private JsonObject metadata() {
        JsonObject o = version();
        JsonObject kas = new JsonObject();
        kas.addProperty("enabled", false);
        kas.add("externalUrl", JsonNull.INSTANCE);
        kas.add("version", JsonNull.INSTANCE);
        o.add("kas", kas);
        o.addProperty("enterprise", false);
        return o;
    }

    private ApiResponse listUsers(SandboxData d, ApiRequest r) {
        String username = r.param("username");
        return Pagination.page(r, d.users.stream()
                .filter(u -> username == null || u.username.equalsIgnoreCase(username))
                .map(u -> views.user(u, r.user.admin))
                .collect(Collectors.toList()));
    }

    private ApiResponse getUser(SandboxData d, ApiRequest r) {
        User u = SandboxState.userByIdOrName(d, r.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("User"));
        return ApiResponse.ok(views.user(u, r.user.admin));
    }
}
