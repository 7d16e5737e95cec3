package dev.dkm.sandbox;

import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;

/** Finding the project or group of a route and checking the caller's role, with GitLab's 404s. */
final class RouteSupport {
    private RouteSupport() {}

    /** The :id project if the caller can see it, else 404 Project Not Found. */
    static Project visibleProject(SandboxData d, ApiRequest r) {
        Project p = SandboxState.projectByIdOrPath(d, r.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("Project"));
        if (!SandboxState.canSee(d, r.user, p)) {
            throw ApiException.notFound("Project");
        }
        return p;
    }

    /**
     * The :id project if the caller has at least {@code level}. A project the caller cannot see is 404 Project Not
     * Found ({@code find_project!}); one the caller sees with a lower role is 403 {@code {"message":"403 Forbidden"}}
     * ({@code authorize!} / {@code authorize_admin_project} → {@code forbidden!}, lib/api/helpers.rb).
     */
    static Project projectWithRole(SandboxData d, ApiRequest r, int level) {
        Project p = visibleProject(d, r);
        if (SandboxState.projectAccess(d, r.user, p) < level) {
            throw ApiException.forbidden();
        }
        return p;
    }

    /**
     * As {@link #projectWithRole} for the project access-token routes: below the role GitLab answers 401
     * ({@code next unauthorized! unless current_user.can?(:read_resource_access_tokens, resource)},
     * lib/api/resource_access_tokens.rb), although the token is valid.
     */
    static Project projectWithRoleOr401(SandboxData d, ApiRequest r, int level) {
        Project p = visibleProject(d, r);
        if (SandboxState.projectAccess(d, r.user, p) < level) {
            throw ApiException.unauthorized();
        }
        return p;
    }

    /** The group twin of {@link #projectWithRoleOr401}: 404 Group Not Found when invisible, else 401 below the role. */
    static Group groupWithRoleOr401(SandboxData d, ApiRequest r, int level) {
        Group g = visibleGroup(d, r);
        if (SandboxState.groupAccess(d, r.user, g.id) < level) {
            throw ApiException.unauthorized();
        }
        return g;
    }

    static Group visibleGroup(SandboxData d, ApiRequest r) {
        Group g = SandboxState.groupByIdOrPath(d, r.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("Group"));
        if (!SandboxState.canSeeGroup(d, r.user, g)) {
            throw ApiException.notFound("Group");
        }
        return g;
    }

    /** The :id group if the caller has at least {@code level} there; otherwise 403 (GitLab's answer for groups). */
    static Group groupWithRole(SandboxData d, ApiRequest r, int level) {
        Group g = visibleGroup(d, r);
        if (SandboxState.groupAccess(d, r.user, g.id) < level) {
            throw ApiException.forbidden();
        }
        return g;
    }

    static void requireAdmin(ApiRequest r) {
        if (!r.user.admin) {
            throw ApiException.forbidden();
        }
    }
}
