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

    /** The :id project if the caller has at least {@code level}; below it GitLab answers 404 too. */
    static Project projectWithRole(SandboxData d, ApiRequest r, int level) {
        Project p = visibleProject(d, r);
        if (SandboxState.projectAccess(d, r.user, p) < level) {
            throw ApiException.notFound("Project");
        }
        return p;
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
