package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** /projects and /groups: listing with GitLab's filters, and lookup by id or URL-encoded path. */
final class ProjectRoutes {
    private final JsonViews views;

    ProjectRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/projects", this::listProjects);
        router.add("GET", "/projects/:id", (d, r) -> ApiResponse.ok(views.project(d, RouteSupport.visibleProject(d, r), r.user)));
        router.add("GET", "/groups", this::listGroups);
        router.add("GET", "/groups/:id", (d, r) -> ApiResponse.ok(views.group(d, RouteSupport.visibleGroup(d, r))));
        router.add("GET", "/groups/:id/projects", this::groupProjects);
        router.add("GET", "/groups/:id/subgroups", this::subgroups);
    }

    private ApiResponse listProjects(SandboxData d, ApiRequest r) {
        Integer minLevel = r.intParam("min_access_level");
        boolean membership = Boolean.TRUE.equals(r.boolParam("membership")) || minLevel != null;
        boolean simple = Boolean.TRUE.equals(r.boolParam("simple"));
        String search = r.param("search");
        String visibility = r.param("visibility");
        Predicate<Project> filter = p -> SandboxState.canSee(d, r.user, p);
        if (membership) {
            int needed = minLevel == null ? SandboxState.GUEST : minLevel;
            filter = filter.and(p -> SandboxState.memberProjectAccess(d, r.user, p) >= needed);
        }
        if (search != null && !search.isBlank()) {
            String s = search.toLowerCase(Locale.ROOT);
            filter = filter.and(p -> p.name.toLowerCase(Locale.ROOT).contains(s)
                    || SandboxState.projectPath(d, p).toLowerCase(Locale.ROOT).contains(s));
        }
        if (visibility != null) {
            filter = filter.and(p -> p.visibility.equals(visibility));
        }
        boolean ascending = "asc".equals(r.param("sort"));
        // GitLab's default order is created_at desc, which is id desc here.
        Comparator<Project> order = ascending ? Comparator.comparingInt(p -> p.id) : Comparator.comparingInt((Project p) -> p.id).reversed();
        boolean keyset = "keyset".equals(r.param("pagination"));
        if (keyset) {
            if (r.param("order_by") != null && !"id".equals(r.param("order_by"))) {
                throw new ApiException(405, ApiException.message("405 Method Not Allowed - Keyset pagination is only supported for order_by=id here"));
            }
            Integer after = r.intParam("id_after");
            Integer before = r.intParam("id_before");
            filter = filter.and(p -> (after == null || p.id > after) && (before == null || p.id < before));
        }
        List<JsonObject> list = d.projects.stream().filter(filter).sorted(order)
                .map(p -> views.project(d, p, simple ? null : r.user))
                .collect(Collectors.toList());
        return keyset ? Pagination.keyset(r, list, ascending) : Pagination.page(r, list);
    }

    private ApiResponse listGroups(SandboxData d, ApiRequest r) {
        String search = r.param("search");
        return Pagination.page(r, d.groups.stream()
                .filter(g -> SandboxState.canSeeGroup(d, r.user, g))
                .filter(g -> search == null || SandboxState.groupFullPath(d, g).contains(search))
                .sorted(Comparator.comparing(g -> SandboxState.groupFullName(d, g)))
                .map(g -> views.group(d, g))
                .collect(Collectors.toList()));
    }

    private ApiResponse groupProjects(SandboxData d, ApiRequest r) {
        Group g = RouteSupport.visibleGroup(d, r);
        boolean subgroups = Boolean.TRUE.equals(r.boolParam("include_subgroups"));
        return Pagination.page(r, d.projects.stream()
                .filter(p -> p.groupId == g.id || (subgroups
                        && SandboxState.groupChain(d, p.groupId).stream().anyMatch(x -> x.id == g.id)))
                .filter(p -> SandboxState.canSee(d, r.user, p))
                .sorted(Comparator.comparingInt((Project p) -> p.id).reversed())
                .map(p -> views.project(d, p, r.user))
                .collect(Collectors.toList()));
    }

    private ApiResponse subgroups(SandboxData d, ApiRequest r) {
        Group g = RouteSupport.visibleGroup(d, r);
        return Pagination.page(r, d.groups.stream()
                .filter(x -> x.parentId != null && x.parentId == g.id)
                .filter(x -> SandboxState.canSeeGroup(d, r.user, x))
                .map(x -> views.group(d, x))
                .collect(Collectors.toList()));
    }
}
