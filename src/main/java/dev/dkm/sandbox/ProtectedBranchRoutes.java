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

/**
 * Protected branches, with {@code allowed_to_push} entries for roles, users and deploy keys. As GitLab CE:
 * <ul>
 * <li>below 17.5, {@code allowed_to_push[deploy_key_id]} is ignored (CE's ProtectedRefs::AccessLevelParams only reads
 *     {@code push_access_level}): POST still creates the rule with the default Maintainers, PATCH answers 200 unchanged;</li>
 * <li>from 17.5, a rule created naming a deploy key gets no default Maintainers entry, an entry for a key without write
 *     access or whose owner is not a project member is refused with 422 (ProtectedRefDeployKeyAccess), and the
 *     entry's description is the key's title;</li>
 * <li>a caller below Maintainer gets 403 (authorize!), an unknown branch ActiveRecord's 404 Not found (find_by!).</li>
 * </ul>
 */
final class ProtectedBranchRoutes {
    private final JsonViews views;
    private final SandboxRelease release;

    ProtectedBranchRoutes(JsonViews views, SandboxRelease release) {
        this.views = views;
        this.release = release;
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
        JsonArray allowedToPush = r.objectListParam("allowed_to_push");
        boolean namesDeployKey = release.atLeast(17, 5) && names(allowedToPush, "deploy_key_id");
        if (push != null || !namesDeployKey) {
            b.pushAccessLevels.add(role(d, push == null ? SandboxState.MAINTAINER : push));
        }
        b.mergeAccessLevels.add(role(d, merge == null ? SandboxState.MAINTAINER : merge));
        apply(d, p, b.pushAccessLevels, allowedToPush);
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

    private static boolean names(JsonArray entries, String field) {
        for (JsonElement e : entries) {
            if (e.isJsonObject() && e.getAsJsonObject().has(field)) {
                return true;
            }
        }
        return false;
    }

    /** Adds, changes ({@code id} + field) or removes ({@code id} + {@code _destroy}) entries. */
    private void apply(SandboxData d, Project p, List<AccessLevel> levels, JsonArray changes) {
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
                if (!release.atLeast(17, 5)) {
                    continue; // CE before 17.5 drops the entry without a word
                }
                int keyId = c.get("deploy_key_id").getAsInt();
                var key = SandboxState.deployKey(d, keyId);
                boolean writable = SandboxState.link(d, p.id, keyId).map(link -> link.canPush).orElse(false);
                List<String> errors = new java.util.ArrayList<>();
                boolean ownerIsMember = key.isPresent() && key.get().userId != null
                        && SandboxState.user(d, key.get().userId)
                                .map(u -> SandboxState.memberProjectAccess(d, u, p) >= SandboxState.GUEST).orElse(false);
                if (key.isPresent() && !ownerIsMember) {
                    errors.add("Push access levels deploy key owner is not a project member");
                }
                if (key.isEmpty()) {
                    errors.add("Push access levels deploy key can't be blank");
                } else if (!writable) {
                    errors.add("Push access levels deploy key is not enabled for this project");
                }
                if (!errors.isEmpty()) {
                    // render_api_error!(protected_branch.errors.full_messages, 422): message is an array
                    JsonArray messages = new JsonArray();
                    errors.forEach(messages::add);
                    JsonObject body = new JsonObject();
                    body.add("message", messages);
                    throw new ApiException(422, body);
                }
                AccessLevel l = new AccessLevel();
                l.id = d.nextId("access_levels");
                l.accessLevel = SandboxState.MAINTAINER;
                l.deployKeyId = keyId;
                l.description = key.get().title;
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
        return byName(d, p, name).orElseThrow(ApiException::recordNotFound); // find_by!(name:)
    }

    private static Optional<ProtectedBranch> byName(SandboxData d, Project p, String name) {
        return d.protectedBranches.stream().filter(b -> b.projectId == p.id && b.name.equals(name)).findFirst();
    }
}
