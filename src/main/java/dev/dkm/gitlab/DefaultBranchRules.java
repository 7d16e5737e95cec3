package dev.dkm.gitlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The protected branches of many projects in one GraphQL request per {@value #PAGE} projects, instead of one
 * {@code GET /projects/:id/protected_branches/:branch} each. Read in GitLab's source (gitlabhq/gitlabhq):
 * app/graphql/resolvers/projects_resolver.rb ({@code projects(ids: [ID!])}, project global ids, or
 * {@code projects(fullPaths: [String!])}, at most 50, GitLab 16.6+ (gitlab-org/gitlab!133596); projects the caller
 * cannot see left out), types/project_type.rb ({@code branchRules}, resolvers/projects/branch_rules_resolver.rb:
 * the protected branches by name), types/projects/branch_rule_type.rb ({@code authorize :read_protected_branch}:
 * rules the caller may not read are left out, so an empty list only means "not protected" when
 * {@code userPermissions.adminProject} is true), types/branch_rules/branch_protection_type.rb,
 * types/branch_protections/base_access_level_type.rb (accessLevel, accessLevelDescription = humanize) and
 * push_access_level_type.rb ({@code deployKey}, null when the caller may not read the key),
 * models/concerns/protected_ref_access.rb and protected_ref_deploy_key_access.rb (a role's humanize is
 * "Maintainers", "Developers + Maintainers", "No one", "Admins"; a deploy key's is its title),
 * controllers/graphql_controller.rb (endpoint {@code /api/graphql}, the API token, errors as
 * {@code {"errors":[…]}} with HTTP 200, queries up to 10,000 characters) and gitlab_schema.rb (pages of at most 100).
 *
 * <p>Never a guess: a branch is answered only when GraphQL said all that the REST check would. A project is left out —
 * and the caller asks REST for it — when the page failed (HTTP error, {@code errors} in the answer: an older GitLab
 * without {@code fullPaths}, {@code branchRules} or {@code deployKey} says "Field … doesn't exist" or "doesn't accept
 * argument"), the project is missing from the answer, or the caller is not shown as a Maintainer there; a branch is
 * unsure ({@link BranchRules#of} null) when the project has more rules than one page holds, or a matching rule of it
 * has more entries than a page holds, or an entry of "Allowed to push" is neither a readable deploy key nor
 * a plain role (a user or a group — EE's fields for them are not asked, CE has none — or a key the caller may not
 * read). Every rule whose name matches the branch counts, wildcards included, as GitLab checks a push against them
 * all ({@link BranchRules#of}), so a branch is answered only when the project's rule list is complete.
 */
final class DefaultBranchRules {
    /*
     * Sizes. 50 projects a request (as many full paths as GitLab takes; a page holds at most 100). Nested pages are small on purpose:
     * GitLab refuses a query over its complexity limit (gitlab_schema.rb: 250 for a signed-in user), and graphql-ruby
     * may count a connection's items times its page size; 20 rules a project and 10 "Allowed to push" entries a rule
     * keep this query far below it whichever way it counts (about 100). A project with more rules, or a rule with more
     * entries, says hasNextPage and its branch is checked over REST.
     */
    /** Projects per request. */
    static final int PAGE = 50;
    static final String OPERATION = "dkmBranchRules";
    /** By project global ids ({@code ids}: old enough for any GitLab with branchRules). */
    static final String BY_ID = query("$ids: [ID!]", "ids: $ids");
    /** By full paths ({@code fullPaths}: GitLab 16.6+, at most 50 — projects_resolver.rb validate_args!). */
    static final String BY_PATH = query("$paths: [String!]", "fullPaths: $paths");

    private static String query(String variable, String argument) {
        return QUERY.replace("$SELECTOR_VARIABLE", variable).replace("$SELECTOR", argument);
    }

    private static final String QUERY = """
            query dkmBranchRules($SELECTOR_VARIABLE, $first: Int) {
              projects($SELECTOR, first: $first) {
                nodes {
                  id
                  userPermissions { adminProject }
                  branchRules(first: 20) {
                    pageInfo { hasNextPage }
                    nodes {
                      name
                      branchProtection {
                        allowForcePush
                        pushAccessLevels(first: 10) {
                          pageInfo { hasNextPage }
                          nodes { accessLevel accessLevelDescription deployKey { id } }
                        }
                      }
                    }
                  }
                }
              }
            }""";
    /** ProtectedRefAccess::HUMAN_ACCESS_LEVELS: how GitLab describes a role entry. */
    private static final Map<Integer, String> ROLE_TEXT = Map.of(0, "No one", 30, "Developers + Maintainers",
            40, "Maintainers", 60, "Admins");

    private DefaultBranchRules() {}

    /**
     * @param post sends one request body and returns the answer (throws {@link GitLabException} on HTTP errors)
     * @return per project id, the rules GraphQL told for sure; projects it did not answer for are absent
     */
    static Map<Long, BranchRules> byId(Collection<Long> projectIds, Function<JsonObject, JsonObject> post) {
        List<String> ids = projectIds.stream().filter(java.util.Objects::nonNull).distinct().map(id -> "gid://gitlab/Project/" + id).toList();
        return fetch(BY_ID, "ids", ids, post);
    }

    /** As {@link #byId}, naming the projects by full path. */
    static Map<Long, BranchRules> byPath(Collection<String> fullPaths, Function<JsonObject, JsonObject> post) {
        return fetch(BY_PATH, "paths", fullPaths.stream().filter(java.util.Objects::nonNull).distinct().toList(), post);
    }

    private static Map<Long, BranchRules> fetch(String query, String variable, List<String> selectors,
            Function<JsonObject, JsonObject> post) {
        Map<Long, BranchRules> out = new HashMap<>();
        for (int from = 0; from < selectors.size(); from += PAGE) {
            Map<Long, BranchRules> answered = page(query, variable, selectors.subList(from, Math.min(selectors.size(), from + PAGE)), post);
            if (answered == null && from == 0) {
                break; // GraphQL does not answer this (older GitLab, disabled, failing): REST for all, no more tries
            }
            if (answered != null) {
                out.putAll(answered);
            }
        }
        return out;
    }

    /** One page's answers, or null when the page as a whole failed. */
    private static Map<Long, BranchRules> page(String query, String variable, List<String> page,
            Function<JsonObject, JsonObject> post) {
        JsonArray selectors = new JsonArray();
        page.forEach(selectors::add);
        JsonObject variables = new JsonObject();
        variables.add(variable, selectors);
        variables.addProperty("first", page.size());
        JsonObject body = new JsonObject();
        body.addProperty("query", query);
        body.addProperty("operationName", OPERATION);
        body.add("variables", variables);
        JsonObject answer;
        try {
            answer = post.apply(body);
        } catch (RuntimeException e) { // GitLabException (HTTP, network, a body that is not JSON), or anything odder
            return null;
        }
        try {
            if (answer == null || answer.has("errors") && !answer.get("errors").isJsonNull()
                    && !(answer.get("errors").isJsonArray() && answer.getAsJsonArray("errors").isEmpty())) {
                return null;
            }
            JsonArray nodes = answer.getAsJsonObject("data").getAsJsonObject("projects").getAsJsonArray("nodes");
            Map<Long, BranchRules> out = new HashMap<>();
            for (JsonElement n : nodes) {
                if (!n.isJsonObject()) {
                    continue;
                }
                JsonObject node = n.getAsJsonObject();
                Long id = gidNumber(string(node, "id"), "Project");
                BranchRules rules = id == null ? null : rules(node);
                if (rules != null) {
                    out.put(id, rules);
                }
            }
            return out;
        } catch (RuntimeException e) { // a shape we do not know (ClassCastException, IllegalStateException, NPE)
            return null;
        }
    }

    /** The project's rules, or null when the answer cannot tell anything for sure. */
    private static BranchRules rules(JsonObject project) {
        JsonObject permissions = object(project, "userPermissions");
        if (permissions == null || !bool(permissions, "adminProject")) {
            return null; // rules the caller may not read are left out: an empty list would prove nothing
        }
        JsonObject connection = object(project, "branchRules");
        if (connection == null) {
            return null;
        }
        Map<String, ProtectedBranch> rules = new LinkedHashMap<>();
        java.util.Set<String> unsure = new java.util.HashSet<>();
        for (JsonElement r : connection.getAsJsonArray("nodes")) {
            JsonObject rule = r.getAsJsonObject();
            String name = string(rule, "name");
            if (name == null) {
                return null;
            }
            ProtectedBranch read = rule(name, rule);
            if (read == null) {
                unsure.add(name);
            } else {
                rules.put(name, read);
            }
        }
        return new BranchRules(rules, unsure, !hasNextPage(connection));
    }

    /** One rule, or null when its "Allowed to push" cannot be read for sure. */
    private static ProtectedBranch rule(String name, JsonObject rule) {
        JsonObject protection = object(rule, "branchProtection");
        JsonObject push = protection == null ? null : object(protection, "pushAccessLevels");
        if (push == null || hasNextPage(push)) {
            return null;
        }
        List<ProtectedBranch.BranchAccess> entries = new ArrayList<>();
        for (JsonElement e : push.getAsJsonArray("nodes")) {
            ProtectedBranch.BranchAccess entry = entry(e.getAsJsonObject());
            if (entry == null) {
                return null;
            }
            entries.add(entry);
        }
        JsonElement force = protection.get("allowForcePush");
        return new ProtectedBranch(null, name, entries, null, force == null || force.isJsonNull() ? null : force.getAsBoolean(), null);
    }

    /** A role or a readable deploy key; null for anything else (a user, a group, a key the caller may not read). */
    private static ProtectedBranch.BranchAccess entry(JsonObject e) {
        JsonElement levelJson = e.get("accessLevel");
        Integer level = levelJson == null || levelJson.isJsonNull() ? null : levelJson.getAsInt();
        String description = string(e, "accessLevelDescription");
        JsonObject key = object(e, "deployKey");
        if (key != null) {
            Long keyId = gidNumber(string(key, "id"), "DeployKey");
            return keyId == null ? null : new ProtectedBranch.BranchAccess(null, level, description, keyId, null, null);
        }
        if (level == null || !ROLE_TEXT.containsKey(level) || !ROLE_TEXT.get(level).equals(description)) {
            return null;
        }
        return new ProtectedBranch.BranchAccess(null, level, description, null, null, null);
    }

    private static boolean hasNextPage(JsonObject connection) {
        JsonObject info = object(connection, "pageInfo");
        return info == null || bool(info, "hasNextPage");
    }

    /** {@code gid://gitlab/Project/42} → 42, or null when it is not that type's global id. */
    static Long gidNumber(String gid, String type) {
        String prefix = "gid://gitlab/" + type + "/";
        if (gid == null || !gid.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.parseLong(gid.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonObject() ? null : e.getAsJsonObject();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static boolean bool(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }
}
