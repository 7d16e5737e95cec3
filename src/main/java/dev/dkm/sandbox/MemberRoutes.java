package dev.dkm.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.User;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * {@code /projects/:id/members/all[/:user_id]} and {@code /groups/:id/members/all[/:user_id]}: effective
 * (inherited) roles, e.g. to tell whether a deploy key's creator can still push to a protected branch.
 */
final class MemberRoutes {
    private final JsonViews views;

    MemberRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/projects/:id/members/all", (d, r) -> {
            Project p = RouteSupport.visibleProject(d, r);
            return Pagination.page(r, members(d, u -> SandboxState.memberProjectAccess(d, u, p)));
        });
        router.add("GET", "/projects/:id/members/all/:user_id", (d, r) -> {
            Project p = RouteSupport.visibleProject(d, r);
            return ApiResponse.ok(member(d, r, u -> SandboxState.memberProjectAccess(d, u, p)));
        });
        router.add("GET", "/groups/:id/members/all", (d, r) -> {
            Group g = RouteSupport.visibleGroup(d, r);
            return Pagination.page(r, members(d, u -> SandboxState.memberGroupAccess(d, u, g.id)));
        });
        router.add("GET", "/groups/:id/members/all/:user_id", (d, r) -> {
            Group g = RouteSupport.visibleGroup(d, r);
            return ApiResponse.ok(member(d, r, u -> SandboxState.memberGroupAccess(d, u, g.id)));
        });
    }

    private List<JsonObject> members(SandboxData d, ToIntFunction<User> level) {
        return d.users.stream()
                .filter(u -> level.applyAsInt(u) > 0)
                .map(u -> entry(u, level.applyAsInt(u)))
                .collect(Collectors.toList());
    }

    private JsonObject member(SandboxData d, ApiRequest r, ToIntFunction<User> level) {
        int userId = r.intPathParam("user_id", "Member");
        User u = SandboxState.user(d, userId).orElseThrow(() -> ApiException.notFound("Member"));
        int access = level.applyAsInt(u);
        if (access == 0) {
            throw ApiException.notFound("Member");
        }
        return entry(u, access);
    }

    private JsonObject entry(User u, int accessLevel) {
        JsonObject o = views.user(u, false);
        o.addProperty("access_level", accessLevel);
        o.add("expires_at", JsonNull.INSTANCE);
        o.addProperty("membership_state", "active");
        return o;
    }
}
