package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.AccessLevel;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Protected branches, with {@code allowed_to_push} entries for roles, users and deploy keys (GitLab 17.5+). */
final class ProtectedBranchRoutes {
    private final JsonViews views;

    ProtectedBranchRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/projects/:id/protected_branches", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.DEVELOPER);
            return Pagination.page(r, d.protectedBranches.stream().filter(b -> b.projectId == p.id)
                    .map(views::protectedBranch).collect(Collectors.toList()));
        });
        router.add("GET", "/projects/:id/protected_branches/:name", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.DEVELOPER);
            return ApiResponse.ok(views.protectedBranch(find(d, p, r.pathParam("name"))));
        });
        router.add("POST", "/projects/:id/protected_branches", this::create);
        router.add("PATCH", "/projects/:id/protected_branches/:name", this::update);
        router.add("DELETE", "/projects/:id/protected_branches/:name", (d, r) -> {
            Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
            d.protectedBranches.remove(find(d, p, r.pathParam("name")));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse create(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        String name = r.required("name");
        if (byName(d, p, name).isPresent()) {
            throw new ApiException(409, ApiException.message("Protected branch '" + name + "' already exists"));
        }
        ProtectedBranch b = new ProtectedBranch();
        b.id = d.nextId("protected_branches");
        b.projectId = p.id;
        b.name = name;
        b.allowForcePush = Boolean.TRUE.equals(r.boolParam("allow_force_push"));
        b.codeOwnerApprovalRequired = Boolean.TRUE.equals(r.boolParam("code_owner_approval_required"));
        Integer push = r.intParam("push_access_level");
        Integer merge = r.intParam("merge_access_level");
        b.pushAccessLevels.add(role(d, push == null ? SandboxState.MAINTAINER : push));
        b.mergeAccessLevels.add(role(d, merge == null ? SandboxState.MAINTAINER : merge));
        apply(d, p, b.pushAccessLevels, r.objectListParam("allowed_to_push"));
        apply(d, p, b.mergeAccessLevels, r.objectListParam("allowed_to_merge"));
        d.protectedBranches.add(b);
        return ApiResponse.created(views.protectedBranch(b));
    }

    private ApiResponse update(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        ProtectedBranch b = find(d, p, r.pathParam("name"));
        Boolean force = r.boolParam("allow_force_push");
        if (force != null) {
            b.allowForcePush = force;
        }
        Boolean owners = r.boolParam("code_owner_approval_required");
        if (owners != null) {
            b.codeOwnerApprovalRequired = owners;
        }
        apply(d, p, b.pushAccessLevels, r.objectListParam("allowed_to_push"));
        apply(d, p, b.mergeAccessLevels, r.objectListParam("allowed_to_merge"));
        return ApiResponse.ok(views.protectedBranch(b));
    }

    /** Adds, changes ({@code id} + field) or removes ({@code id} + {@code _destroy}) entries. */
    private static void apply(SandboxData d, Project p, List<AccessLevel> levels, JsonArray changes) {
        for (JsonElement e : changes) {
            JsonObject c = e.getAsJsonObject();
            if (c.has("id")) {
                int id = c.get("id").getAsInt();
                AccessLevel existing = levels.stream().filter(l -> l.id == id).findFirst()
                        .orElseThrow(() -> ApiException.notFound("Access level"));
                if (c.has("_destroy") && c.get("_destroy").getAsBoolean()) {
                    levels.remove(existing);
                } else if (c.has("access_level")) {
                    existing.accessLevel = c.get("access_level").getAsInt();
                }
                continue;
            }
            if (c.has("deploy_key_id")) {
                int keyId = c.get("deploy_key_id").getAsInt();
                if (SandboxState.link(d, p.id, keyId).isEmpty()) {
                    throw new ApiException(422, ApiException.message("Deploy key is not enabled for this project"));
                }
                AccessLevel l = new AccessLevel();
                l.id = d.nextId("access_levels");
                l.accessLevel = SandboxState.MAINTAINER;
                l.deployKeyId = keyId;
                levels.add(l);
            } else if (c.has("user_id")) {
                AccessLevel l = new AccessLevel();
                l.id = d.nextId("access_levels");
                l.accessLevel = SandboxState.MAINTAINER;
                l.userId = c.get("user_id").getAsInt();
                levels.add(l);
            } else if (c.has("access_level")) {
                levels.add(role(d, c.get("access_level").getAsInt()));
            }
        }
    }

    private static AccessLevel role(SandboxData d, int level) {
        if (level != 0 && level != 30 && level != 40 && level != 60) {
            throw ApiException.badRequestError("push_access_level does not have a valid value");
        }
        AccessLevel l = new AccessLevel();
        l.id = d.nextId("access_levels");
        l.accessLevel = level;
        return l;
    }

    private static ProtectedBranch find(SandboxData d, Project p, String name) {
        return byName(d, p, name).orElseThrow(() -> new ApiException(404, ApiException.message("404 Not Found")));
    }

    private static Optional<ProtectedBranch> byName(SandboxData d, Project p, String name) {
        return d.protectedBranches.stream().filter(b -> b.projectId == p.id && b.name.equals(name)).findFirst();
    }
}
