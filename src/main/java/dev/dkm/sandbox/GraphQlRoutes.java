package dev.dkm.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.GraphQlExecutor.Context;
import dev.dkm.sandbox.GraphQlExecutor.FieldError;
import dev.dkm.sandbox.SandboxData.AccessLevel;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/graphql} (and GET with {@code ?query=}) for the subset of GitLab's schema dkm reads, served from
 * the same data as the REST routes (protected branches and their push access levels, deploy keys, projects).
 * Read in GitLab's source (gitlabhq/gitlabhq):
 * <ul>
 * <li>app/controllers/graphql_controller.rb: the same token as the API ({@code PRIVATE-TOKEN} or
 *     {@code Authorization: Bearer}, scope {@code api} or {@code read_api}); an unknown token is 401
 *     {@code {"errors":[{"message":"Invalid token"}]}}; no token is an anonymous (public data only) request; a query
 *     over 10,000 characters is refused (MAX_QUERY_SIZE); everything else is HTTP 200, errors in {@code errors}.</li>
 * <li>app/graphql/resolvers/projects_resolver.rb: {@code projects(ids:, fullPaths:, membership:, search:,
 *     searchNamespaces:, sort:, topics:)} through ProjectsFinder ({@code fullPaths} from 16.6, at most 50): projects the caller cannot see are simply not in {@code nodes}; an id
 *     that is not a Project global id is an ArgumentError ("… is not a valid GitLab ID.").</li>
 * <li>app/graphql/types/project_type.rb {@code branchRules} (resolvers/projects/branch_rules_resolver.rb: the
 *     project's protected branches sorted by name), types/projects/branch_rule_type.rb (name, isDefault,
 *     isProtected, branchProtection; {@code authorize :read_protected_branch}, which ProtectedBranchPolicy gives to
 *     {@code admin_project}, i.e. Maintainers: below that the rules are left out of the list),
 *     types/branch_rules/branch_protection_type.rb (allowForcePush, pushAccessLevels, mergeAccessLevels),
 *     types/branch_protections/base_access_level_type.rb (accessLevel, accessLevelDescription = humanize) and
 *     push_access_level_type.rb ({@code deployKey: AccessLevelDeployKey}, types/access_levels/deploy_key_type.rb:
 *     id, title, expiresAt; {@code authorize :read_deploy_key}: null when the caller may not read the key).</li>
 * <li>app/graphql/gitlab_schema.rb: {@code default_max_page_size 100}.</li>
 * </ul>
 * Versions: GraphQL answers 404 before 12.1 here; {@code branchRules} exists from 15.8 and
 * {@code PushAccessLevel.deployKey} from 17.5 (when deploy keys could be named in "Allowed to push"). These two
 * milestones are the sandbox's assumption (the field definitions carry none); what matters for dkm is that an older
 * schema answers "Field … doesn't exist", which it does.
 */
final class GraphQlRoutes {
    static final String PATH = "/api/graphql";
    static final String ROUTE = "POST /api/graphql";
    static final int MAX_QUERY_SIZE = 10_000;
    private static final Pattern PROJECT_GID = Pattern.compile("gid://gitlab/Project/(\\d+)");

    private final SandboxRelease release;
    private final GraphQlExecutor schema = new GraphQlExecutor();
    private final ServerUrls urls;

    private record Rule(Project project, ProtectedBranch branch) {}

    private record Access(Project project, AccessLevel level) {}

    GraphQlRoutes(ServerUrls urls, SandboxRelease release) {
        this.urls = urls;
        this.release = release;
        define();
    }

    /** Whether this version has {@code /api/graphql} at all. */
    boolean available() {
        return release.atLeast(12, 1);
    }

    private void define() {
        Set<String> none = Set.of();
        schema.type("Query");
        Set<String> projectArgs = new java.util.HashSet<>(Set.of("ids", "membership", "search", "searchNamespaces", "sort", "topics"));
        if (release.atLeast(16, 6)) {
            projectArgs.add("fullPaths"); // gitlab-org/gitlab!133596, Oct 2023
        }
        schema.connection("Query", "projects", "Project", projectArgs, this::projects);
        schema.field("Query", "project", "Project", Set.of("fullPath"), (s, a, c) -> {
            Project p = SandboxState.projectByIdOrPath(c.data(), String.valueOf(a.get("fullPath"))).orElse(null);
            return p != null && visible(c, p) ? p : null;
        });
        schema.field("Query", "currentUser", "CurrentUser", none, (s, a, c) -> c.user());
        schema.field("CurrentUser", "id", "ID", none, (s, a, c) -> "gid://gitlab/User/" + ((SandboxData.User) s).id);
        schema.field("CurrentUser", "username", "String", none, (s, a, c) -> ((SandboxData.User) s).username);
        schema.field("CurrentUser", "name", "String", none, (s, a, c) -> ((SandboxData.User) s).name);

        schema.field("Project", "id", "ID", none, (s, a, c) -> "gid://gitlab/Project/" + ((Project) s).id);
        schema.field("Project", "fullPath", "ID", none, (s, a, c) -> SandboxState.projectPath(c.data(), (Project) s));
        schema.field("Project", "name", "String", none, (s, a, c) -> ((Project) s).name);
        schema.field("Project", "path", "String", none, (s, a, c) -> ((Project) s).path);
        schema.field("Project", "visibility", "String", none, (s, a, c) -> ((Project) s).visibility);
        schema.field("Project", "webUrl", "String", none,
                (s, a, c) -> urls.webUrl(SandboxState.projectPath(c.data(), (Project) s)));
        schema.field("Project", "repository", "Repository", none, (s, a, c) -> s);
        schema.field("Repository", "rootRef", "String", none, (s, a, c) -> ((Project) s).defaultBranch);
        schema.field("Project", "userPermissions", "ProjectPermissions", none, (s, a, c) -> s);
        schema.field("ProjectPermissions", "adminProject", "Boolean", none, (s, a, c) -> level(c, (Project) s) >= SandboxState.MAINTAINER);
        schema.field("ProjectPermissions", "pushCode", "Boolean", none, (s, a, c) -> level(c, (Project) s) >= SandboxState.DEVELOPER);
        schema.field("ProjectPermissions", "readCode", "Boolean", none, (s, a, c) -> level(c, (Project) s) >= SandboxState.GUEST
                || !"private".equals(((Project) s).visibility));
        if (release.atLeast(15, 8)) {
            schema.connection("Project", "branchRules", "BranchRule", none, (s, a, c) -> branchRules(c, (Project) s));
        }
        schema.field("BranchRule", "name", "String", none, (s, a, c) -> ((Rule) s).branch().name);
        schema.field("BranchRule", "isDefault", "Boolean", none,
                (s, a, c) -> ((Rule) s).branch().name.equals(((Rule) s).project().defaultBranch));
        schema.field("BranchRule", "isProtected", "Boolean", none, (s, a, c) -> true);
        schema.field("BranchRule", "branchProtection", "BranchProtection", none, (s, a, c) -> s);
        schema.field("BranchProtection", "allowForcePush", "Boolean", none, (s, a, c) -> ((Rule) s).branch().allowForcePush);
        schema.connection("BranchProtection", "pushAccessLevels", "PushAccessLevel", none,
                (s, a, c) -> accesses((Rule) s, ((Rule) s).branch().pushAccessLevels));
        schema.connection("BranchProtection", "mergeAccessLevels", "MergeAccessLevel", none,
                (s, a, c) -> accesses((Rule) s, ((Rule) s).branch().mergeAccessLevels));
        for (String type : List.of("PushAccessLevel", "MergeAccessLevel")) {
            schema.field(type, "accessLevel", "Int", none, (s, a, c) -> ((Access) s).level().accessLevel);
            schema.field(type, "accessLevelDescription", "String", none, (s, a, c) -> JsonViews.describe(((Access) s).level()));
        }
        if (release.atLeast(17, 5)) {
            schema.field("PushAccessLevel", "deployKey", "AccessLevelDeployKey", none, (s, a, c) -> deployKeyOf(c, (Access) s));
        }
        schema.field("AccessLevelDeployKey", "id", "ID", none, (s, a, c) -> "gid://gitlab/DeployKey/" + ((SandboxData.DeployKey) s).id);
        schema.field("AccessLevelDeployKey", "title", "String", none, (s, a, c) -> ((SandboxData.DeployKey) s).title);
        schema.field("AccessLevelDeployKey", "expiresAt", "Date", none, (s, a, c) -> {
            Long at = ((SandboxData.DeployKey) s).expiresAt;
            return at == null ? null : java.time.Instant.ofEpochMilli(at).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        });
    }

    private static int level(Context c, Project p) {
        return c.user() == null ? 0 : SandboxState.projectAccess(c.data(), c.user(), p);
    }

    private static boolean visible(Context c, Project p) {
        if (c.user() == null) {
            return "public".equals(p.visibility);
        }
        return SandboxState.canSee(c.data(), c.user(), p);
    }

    private Object projects(Object source, Map<String, Object> args, Context c) {
        List<Integer> ids = null;
        if (args.get("ids") instanceof List<?> given) {
            ids = new ArrayList<>();
            for (Object id : given) {
                Matcher m = PROJECT_GID.matcher(String.valueOf(id));
                if (!m.matches()) {
                    throw new FieldError(id + " is not a valid GitLab ID.");
                }
                ids.add(Integer.parseInt(m.group(1)));
            }
        }
        List<String> paths = null;
        if (args.get("fullPaths") instanceof List<?> given) {
            if (given.size() > 50) {
                throw new FieldError("You cannot provide more than 50 full_paths"); // validate_args!
            }
            paths = given.stream().map(x -> String.valueOf(x).toLowerCase(Locale.ROOT)).toList();
        }
        List<String> wantedPaths = paths;
        String search = args.get("search") instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        boolean membership = Boolean.TRUE.equals(args.get("membership"));
        List<Integer> wanted = ids;
        return c.data().projects.stream()
                .filter(p -> wanted == null || wanted.contains(p.id))
                .filter(p -> wantedPaths == null
                        || wantedPaths.contains(SandboxState.projectPath(c.data(), p).toLowerCase(Locale.ROOT)))
                .filter(p -> visible(c, p))
                .filter(p -> !membership || c.user() != null && SandboxState.memberProjectAccess(c.data(), c.user(), p) > 0)
                .filter(p -> search == null || p.name.toLowerCase(Locale.ROOT).contains(search)
                        || p.path.toLowerCase(Locale.ROOT).contains(search))
                .sorted(Comparator.comparingInt((Project p) -> p.id).reversed()) // ProjectsFinder: id_desc
                .toList();
    }

    /** The project's rules sorted by name, or none when the caller may not read them (read_protected_branch). */
    private static List<Rule> branchRules(Context c, Project p) {
        if (level(c, p) < SandboxState.MAINTAINER) {
            return List.of();
        }
        return c.data().protectedBranches.stream().filter(b -> b.projectId == p.id)
                .sorted(Comparator.comparing(b -> b.name)).map(b -> new Rule(p, b)).toList();
    }

    private static List<Access> accesses(Rule r, List<AccessLevel> levels) {
        return levels.stream().map(l -> new Access(r.project(), l)).toList();
    }

    /**
     * The entry's deploy key when the caller may read it (DeployKeyPolicy's read_deploy_key: admins, and keys in
     * projects the caller maintains — User#project_deploy_keys), else null as GitLab's field authorization does.
     */
    private static SandboxData.DeployKey deployKeyOf(Context c, Access a) {
        if (a.level().deployKeyId == null || c.user() == null) {
            return null;
        }
        SandboxData.DeployKey key = SandboxState.deployKey(c.data(), a.level().deployKeyId).orElse(null);
        if (key == null) {
            return null;
        }
        boolean readable = c.user().admin || Objects.equals(key.userId, c.user().id) || c.data().deployKeyLinks.stream()
                .filter(l -> l.deployKeyId == key.id)
                .anyMatch(l -> SandboxState.project(c.data(), l.projectId)
                        .map(p -> SandboxState.projectAccess(c.data(), c.user(), p) >= SandboxState.MAINTAINER).orElse(false));
        return readable ? key : null;
    }

    /**
     * The answer to one request, from its query string parameters and body: {@code query}, {@code operationName},
     * {@code variables} (an object or a JSON string, as GitLab's Gitlab::Graphql::Variables takes both).
     */
    ApiResponse answer(SandboxData d, SandboxData.User user, Map<String, List<String>> queryParams, String body) {
        String query = first(queryParams, "query");
        String operationName = first(queryParams, "operationName");
        JsonObject variables = null;
        if (body != null && !body.isBlank()) {
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(body);
            } catch (RuntimeException e) {
                return new ApiResponse(422, GraphQlExecutor.errors(List.of(GraphQlExecutor.error("Unexpected end of input", null, null))));
            }
            if (parsed.isJsonArray()) {
                // Apollo-style batching (GraphqlController#multiplex?): an array of answers.
                com.google.gson.JsonArray out = new com.google.gson.JsonArray();
                for (JsonElement one : parsed.getAsJsonArray()) {
                    out.add(executeOne(d, user, one.getAsJsonObject()));
                }
                return new ApiResponse(200, out);
            }
            if (parsed.isJsonObject()) {
                JsonObject o = parsed.getAsJsonObject();
                return size(o.has("query") && !o.get("query").isJsonNull() ? o.get("query").getAsString() : query)
                        .orElseGet(() -> new ApiResponse(200, executeOne(d, user, o)));
            }
        }
        if (queryParams.containsKey("variables")) {
            variables = variables(first(queryParams, "variables"));
        }
        JsonObject vars = variables;
        return size(query).orElseGet(() -> new ApiResponse(200,
                schema.execute(query, operationName, vars, new Context(d, user, release))));
    }

    private JsonObject executeOne(SandboxData d, SandboxData.User user, JsonObject o) {
        String query = o.has("query") && !o.get("query").isJsonNull() ? o.get("query").getAsString() : null;
        String op = o.has("operationName") && !o.get("operationName").isJsonNull() ? o.get("operationName").getAsString() : null;
        JsonObject vars = null;
        if (o.has("variables") && o.get("variables").isJsonObject()) {
            vars = o.getAsJsonObject("variables");
        } else if (o.has("variables") && o.get("variables").isJsonPrimitive()) {
            vars = variables(o.get("variables").getAsString());
        }
        return schema.execute(query, op, vars, new Context(d, user, release));
    }

    private static java.util.Optional<ApiResponse> size(String query) {
        if (query != null && query.length() > MAX_QUERY_SIZE) {
            return java.util.Optional.of(new ApiResponse(422,
                    GraphQlExecutor.errors(List.of(GraphQlExecutor.error("Query too large", null, null)))));
        }
        return java.util.Optional.empty();
    }

    private static JsonObject variables(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonElement e = JsonParser.parseString(text);
        return e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
