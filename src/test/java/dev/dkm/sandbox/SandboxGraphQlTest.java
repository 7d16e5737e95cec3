package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's {@code /api/graphql} answers like GitLab's for the subset dkm uses, over real HTTP. GitLab source read
 * (gitlabhq/gitlabhq): app/controllers/graphql_controller.rb (tokens, "Invalid token" 401, MAX_QUERY_SIZE, errors with
 * HTTP 200), app/graphql/gitlab_schema.rb (default_max_page_size 100), app/graphql/resolvers/projects_resolver.rb
 * (projects(ids:), ProjectsFinder: invisible projects left out, "is not a valid GitLab ID."),
 * app/graphql/types/project_type.rb (branchRules), types/projects/branch_rule_type.rb, types/branch_rules/
 * branch_protection_type.rb, types/branch_protections/base_access_level_type.rb and push_access_level_type.rb
 * (deployKey), types/access_levels/deploy_key_type.rb, app/policies/protected_branch_policy.rb; graphql-ruby's
 * validation messages (undefinedField, argumentNotAccepted, variableNotDefined, parse errors).
 */
class SandboxGraphQlTest extends InProcessSandbox {
    static SandboxHttp root;
    static int keyId;

    @BeforeAll
    static void seed() {
        root = new SandboxHttp(server.url());
        var w = server.world();
        w.createGroup("gq", "GQ", "private");
        w.addGroupMember("gq", "maria", 40);
        w.addGroupMember("gq", "dave", 30);
        w.createProject("gq/open", "open", "private");
        w.createProject("gq/locked", "locked", "private");
        w.createProject("gq/public", "public", "public");
        w.createGroup("secret", "Secret", "private");
        w.createProject("secret/hidden", "hidden", "private");
        keyId = w.createDeployKey("gq/locked", "deployer", TestKeys.publicKeyLine("d"), true, "maria", null);
        w.protectBranch("gq/locked", "main", 0, keyId);
        w.protectBranch("gq/locked", "a-release", 30);
    }

    private static JsonObject graphql(String token, String query, String variables, String operationName) {
        JsonObject body = new JsonObject();
        body.addProperty("query", query);
        if (variables != null) {
            body.add("variables", JsonParser.parseString(variables));
        }
        if (operationName != null) {
            body.addProperty("operationName", operationName);
        }
        SandboxHttp.Answer a = root.post("/api/graphql", token, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json().getAsJsonObject();
    }

    private static String gid(String path) {
        return "gid://gitlab/Project/" + server.world().projectId(path);
    }

    @Test
    void projects_by_id_with_branch_rules_aliases_variables_fragments_and_typename() {
        String query = """
                # two operations: the name picks one
                query other { currentUser { username } }
                query rules($ids: [ID!], $first: Int = 10) {
                  list: projects(ids: $ids, first: $first) {
                    nodes {
                      __typename
                      fullPath
                      perms: userPermissions { adminProject }
                      branchRules(first: 100) {
                        pageInfo { hasNextPage }
                        nodes { ...rule }
                      }
                    }
                  }
                }
                fragment rule on BranchRule {
                  name isDefault
                  branchProtection {
                    allowForcePush
                    pushAccessLevels { nodes { accessLevel accessLevelDescription deployKey { id title } ... on PushAccessLevel { __typename } } }
                  }
                }""";
        String variables = "{\"ids\": [\"" + gid("gq/locked") + "\", \"" + gid("gq/open") + "\", \"" + gid("secret/hidden") + "\"]}";
        JsonObject answer = graphql(server.maintainerToken(), query, variables, "rules");

        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        JsonArray nodes = answer.getAsJsonObject("data").getAsJsonObject("list").getAsJsonArray("nodes");
        // The hidden project is simply not there (ProjectsFinder); newest first (id_desc).
        assertThat(nodes).hasSize(2);
        JsonObject locked = nodes.get(0).getAsJsonObject();
        assertThat(locked.get("__typename").getAsString()).isEqualTo("Project");
        assertThat(locked.get("fullPath").getAsString()).isEqualTo("gq/locked");
        assertThat(locked.getAsJsonObject("perms").get("adminProject").getAsBoolean()).isTrue();
        JsonArray rules = locked.getAsJsonObject("branchRules").getAsJsonArray("nodes");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("a-release"); // sorted by name
        JsonObject main = rules.get(1).getAsJsonObject();
        assertThat(main.get("isDefault").getAsBoolean()).isTrue();
        JsonArray push = main.getAsJsonObject("branchProtection").getAsJsonObject("pushAccessLevels").getAsJsonArray("nodes");
        assertThat(push).hasSize(2);
        assertThat(push.get(0).getAsJsonObject().get("accessLevelDescription").getAsString()).isEqualTo("No one");
        assertThat(push.get(0).getAsJsonObject().get("deployKey").isJsonNull()).isTrue();
        JsonObject keyEntry = push.get(1).getAsJsonObject();
        assertThat(keyEntry.get("accessLevelDescription").getAsString()).isEqualTo("deployer");
        assertThat(keyEntry.getAsJsonObject("deployKey").get("id").getAsString()).isEqualTo("gid://gitlab/DeployKey/" + keyId);
        assertThat(keyEntry.get("__typename").getAsString()).isEqualTo("PushAccessLevel");
        JsonObject open = nodes.get(1).getAsJsonObject();
        assertThat(open.getAsJsonObject("branchRules").getAsJsonArray("nodes")).isEmpty();
    }

    @Test
    void unknown_fields_and_arguments_are_graphql_errors_with_http_200_and_no_data() {
        JsonObject answer = graphql(server.maintainerToken(), "query q {\n  projects(idz: [\"x\"]) { nodes { fullPath bogus } }\n}", null, null);
        assertThat(answer.has("data")).isFalse();
        JsonArray errors = answer.getAsJsonArray("errors");
        assertThat(errors).hasSize(2);
        JsonObject arg = errors.get(0).getAsJsonObject();
        assertThat(arg.get("message").getAsString()).isEqualTo("Field 'projects' doesn't accept argument 'idz'");
        assertThat(arg.getAsJsonArray("path").toString()).isEqualTo("[\"query q\",\"projects\",\"idz\"]");
        assertThat(arg.getAsJsonObject("extensions").get("code").getAsString()).isEqualTo("argumentNotAccepted");
        JsonObject field = errors.get(1).getAsJsonObject();
        assertThat(field.get("message").getAsString()).isEqualTo("Field 'bogus' doesn't exist on type 'Project'");
        assertThat(field.getAsJsonArray("locations").get(0).getAsJsonObject().get("line").getAsInt()).isEqualTo(2);
        assertThat(field.getAsJsonArray("path").toString()).isEqualTo("[\"query q\",\"projects\",\"nodes\",\"bogus\"]");
    }

    @Test
    void syntax_errors_undeclared_variables_and_bad_ids_answer_as_gitlab() {
        JsonObject parse = graphql(server.maintainerToken(), "query { projects { nodes { id }", null, null);
        assertThat(parse.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString())
                .isEqualTo("Unexpected end of document");
        JsonObject brace = graphql(server.maintainerToken(), "query { projects(first: ) { nodes { id } } }", null, null);
        assertThat(brace.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString())
                .isEqualTo("Parse error on \")\" (RPAREN) at [1, 25]");
        JsonObject undeclared = graphql(server.maintainerToken(), "query q { projects(ids: $ids) { nodes { id } } }", null, null);
        assertThat(undeclared.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString())
                .isEqualTo("Variable $ids is used by q but not declared");
        JsonObject badId = graphql(server.maintainerToken(), "{ projects(ids: [\"42\"]) { nodes { id } } }", null, null);
        assertThat(badId.getAsJsonObject("data").get("projects").isJsonNull()).isTrue();
        assertThat(badId.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString())
                .isEqualTo("42 is not a valid GitLab ID.");
        JsonObject scalar = graphql(server.maintainerToken(), "{ projects { nodes { fullPath { x } } } }", null, null);
        assertThat(scalar.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString())
                .startsWith("Selections can't be made on scalars (field 'fullPath' returns ID");
    }

    @Test
    void tokens_are_the_apis_and_what_a_caller_may_not_see_is_left_out() {
        SandboxHttp.Answer bad = root.post("/api/graphql", "not-a-token-at-all", "{\"query\":\"{ currentUser { username } }\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Invalid token\"}]}");

        // Anonymous: public projects only, no user.
        JsonObject anonymous = graphql(null, "{ currentUser { username } projects { nodes { fullPath } } }", null, null);
        assertThat(anonymous.getAsJsonObject("data").get("currentUser").isJsonNull()).isTrue();
        assertThat(anonymous.getAsJsonObject("data").getAsJsonObject("projects").getAsJsonArray("nodes").toString())
                .contains("gq/public").doesNotContain("gq/locked");

        // A Developer sees the project but not its rules (read_protected_branch is admin_project).
        String ids = "{\"ids\": [\"" + gid("gq/locked") + "\"]}";
        JsonObject developer = graphql(server.developerToken(),
                "query($ids: [ID!]) { projects(ids: $ids) { nodes { userPermissions { adminProject } branchRules { nodes { name } } } } }",
                ids, null);
        JsonObject node = developer.getAsJsonObject("data").getAsJsonObject("projects").getAsJsonArray("nodes").get(0).getAsJsonObject();
        assertThat(node.getAsJsonObject("userPermissions").get("adminProject").getAsBoolean()).isFalse();
        assertThat(node.getAsJsonObject("branchRules").getAsJsonArray("nodes")).isEmpty();

        // Counted like the REST routes, for the API-economy tests and the benchmark.
        long before = server.requestCount("POST", "/api/graphql");
        graphql(server.maintainerToken(), "{ currentUser { username } }", null, null);
        assertThat(server.requestCount("POST", "/api/graphql")).isEqualTo(before + 1);
    }

    @Test
    void pages_are_cut_at_one_hundred_and_follow_their_cursor() {
        for (int i = 0; i < 105; i++) {
            server.world().createProject(String.format("gq/page%03d", i), "page" + i, "private");
        }
        JsonObject first = graphql(server.maintainerToken(),
                "{ projects(first: 500, search: \"page\") { pageInfo { hasNextPage endCursor } nodes { path } } }", null, null);
        JsonObject projects = first.getAsJsonObject("data").getAsJsonObject("projects");
        assertThat(projects.getAsJsonArray("nodes")).hasSize(100);
        assertThat(projects.getAsJsonObject("pageInfo").get("hasNextPage").getAsBoolean()).isTrue();
        String cursor = projects.getAsJsonObject("pageInfo").get("endCursor").getAsString();
        JsonObject second = graphql(server.maintainerToken(),
                "query($after: String) { projects(search: \"page\", after: $after) { pageInfo { hasNextPage } edges { node { path } } } }",
                "{\"after\": \"" + cursor + "\"}", null);
        JsonObject rest = second.getAsJsonObject("data").getAsJsonObject("projects");
        assertThat(rest.getAsJsonArray("edges")).hasSize(5);
        assertThat(rest.getAsJsonObject("pageInfo").get("hasNextPage").getAsBoolean()).isFalse();
    }

    @Test
    void older_versions_lack_the_fields_or_graphql_itself() {
        for (String version : List.of("17.4", "15.7", "12.0")) {
            try (SandboxServer old = Sandbox.builder().dataDir(dataDir.resolve("old-" + version)).gitlabVersion(version).start()) {
                SandboxHttp http = new SandboxHttp(old.url());
                SandboxHttp.Answer a = http.post("/api/graphql", old.maintainerToken(),
                        "{\"query\":\"{ projects { nodes { branchRules { nodes { branchProtection { pushAccessLevels { nodes { deployKey { id } } } } } } } } }\"}");
                switch (version) {
                    case "17.4" -> assertThat(a.json().toString()).contains("Field 'deployKey' doesn't exist on type 'PushAccessLevel'");
                    case "15.7" -> assertThat(a.json().toString()).contains("Field 'branchRules' doesn't exist on type 'Project'");
                    default -> assertThat(a.status()).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void odd_bytes_deep_nesting_and_self_spreading_fragments_get_graphql_errors_never_a_500_or_a_dropped_connection() {
        List<String> odd = List.of("\u0000\u0001{", "{ projects(search: \"unterminated) { nodes { id } } }", "query ($x: ) { a }",
                "{".repeat(4000), "{ projects { nodes { ...a } } } fragment a on Project { ...a }",
                "{ projects(ids: " + "[".repeat(3000) + ") { nodes { id } } }", "\uD83D\uDE00 { }", "}}}}", "query");
        for (String query : odd) {
            JsonObject body = new JsonObject();
            body.addProperty("query", query);
            SandboxHttp.Answer a = root.post("/api/graphql", server.maintainerToken(), body.toString());
            assertThat(a.status()).as(query.length() > 40 ? query.substring(0, 40) : query).isIn(200, 422);
            assertThat(a.json().getAsJsonObject().getAsJsonArray("errors")).as(query.length() > 40 ? query.substring(0, 40) : query)
                    .isNotEmpty();
        }
        StringBuilder deep = new StringBuilder("{ currentUser { username } ");
        deep.append("projects { nodes { branchRules { nodes { branchProtection { pushAccessLevels { nodes { deployKey { id } } } } } } } } }");
        assertThat(graphql(server.maintainerToken(), deep.toString(), null, null).has("errors")).isFalse(); // depth 9: fine
        SandboxHttp.Answer garbage = root.post("/api/graphql", server.maintainerToken(), "this is not json");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(server.requestCount("POST", "/api/graphql")).isPositive();
    }
}
