package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector against the sandbox's demo world and its workspace of sample repos. */
class CredentialCollectorTest {
    @TempDir
    static Path tmp;
    static DemoWorld demo;

    @BeforeAll
    static void start() {
        demo = new DemoWorld(tmp);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void resetCounts() {
        demo.server.resetRequestCounts();
    }

    private CollectionResult collect(String token, boolean inspectUrlTokens) {
        InstanceConnection c = demo.connect(token);
        try {
            return new CredentialCollector(inspectUrlTokens).collect(demo.repos, List.of(c), Progress.NONE);
        } finally {
            c.client().close();
        }
    }

    private static CredentialItem named(CollectionResult r, String name) {
        List<CredentialItem> found = r.items().stream().filter(i -> name.equals(i.name())).toList();
        assertThat(found).as("items named " + name + " in " + names(r)).hasSize(1);
        return found.get(0);
    }

    private static List<String> names(CollectionResult r) {
        return r.items().stream().map(CredentialItem::name).toList();
    }

    private static void expect(CollectionResult r, String name, CredentialKind kind, String where, ExpiryBand band, String... dependents) {
        CredentialItem i = named(r, name);
        assertThat(i.kind()).as(name).isEqualTo(kind);
        assertThat(i.where()).as(name).isEqualTo(where);
        assertThat(i.band(DemoWorld.today())).as(name).isEqualTo(band);
        assertThat(i.dependents()).as(name).containsExactlyInAnyOrder(dependents);
    }

    @Test
    void the_owner_sees_every_seeded_token_in_its_band_with_the_repos_that_use_it() {
        CollectionResult r = collect(demo.server.ownerToken(), true);

        CredentialKind dt = CredentialKind.DEPLOY_TOKEN;
        expect(r, "expired-ci", dt, "shop/backend/orders", ExpiryBand.EXPIRED);
        expect(r, "k8s-pull", dt, "shop/backend/payments", ExpiryBand.WITHIN_7_DAYS);
        expect(r, "workspace-clone", dt, "shop/backend/payments", ExpiryBand.WITHIN_30_DAYS, "shop/backend/payments");
        expect(r, "cdn-sync", dt, "shop/frontend/storefront", ExpiryBand.WITHIN_30_DAYS);
        expect(r, "etl-reader", dt, "data/warehouse", ExpiryBand.LATER);
        expect(r, "forever", dt, "data/pipelines", ExpiryBand.NEVER);
        expect(r, "group-registry", dt, "shop", ExpiryBand.WITHIN_30_DAYS);
        expect(r, "group-readonly", dt, "data", ExpiryBand.NEVER);
        expect(r, "group-expired", dt, "ops", ExpiryBand.EXPIRED);
        expect(r, "backend-pull", dt, "shop/backend", ExpiryBand.WITHIN_7_DAYS);

        expect(r, "deployer", CredentialKind.PROJECT_ACCESS_TOKEN, "shop/backend/orders", ExpiryBand.WITHIN_30_DAYS);
        expect(r, "reporting", CredentialKind.PROJECT_ACCESS_TOKEN, "data/warehouse", ExpiryBand.EXPIRED);
        expect(r, "shop-automation", CredentialKind.GROUP_ACCESS_TOKEN, "shop", ExpiryBand.LATER);
        expect(r, "ops-bot", CredentialKind.GROUP_ACCESS_TOKEN, "ops", ExpiryBand.WITHIN_7_DAYS);

        CredentialKind pat = CredentialKind.PERSONAL_ACCESS_TOKEN;
        // one credential, wherever git takes it from: orders' URL and notifications' credential store
        expect(r, "workspace-remotes", pat, "user maria", ExpiryBand.WITHIN_30_DAYS, "shop/backend/orders",
                "shop/backend/notifications");
        // inventory's insteadOf rule and dashboards' PRIVATE-TOKEN header
        expect(r, "workspace-insteadof", pat, "user maria", ExpiryBand.LATER, "shop/backend/inventory", "data/dashboards");
        expect(r, "workspace-pushurl", pat, "user #" + demo.server.world().userId("dave"), ExpiryBand.WITHIN_7_DAYS, "acme/website");
        expect(r, "token in a remote URL", pat, "unknown", ExpiryBand.EXPIRED, "ops/infra/terraform");
        expect(r, "sandbox", pat, "user olivia", ExpiryBand.LATER, InstanceCollection.APP_TOKEN_DEPENDENT);

        expect(r, "Workspace storefront", CredentialKind.DEPLOY_KEY, "shop/frontend/storefront", ExpiryBand.NEVER,
                "shop/frontend/storefront");

        assertThat(named(r, "group-registry").place()).isEqualTo(CredentialItem.Place.GROUP);
        assertThat(named(r, "k8s-pull").place()).isEqualTo(CredentialItem.Place.PROJECT);
        assertThat(named(r, "k8s-pull").gitlabId()).matches("\\d+");
        assertThat(named(r, "workspace-remotes").redacted()).startsWith("glpat-…");
        assertThat(named(r, "workspace-clone").redacted()).startsWith("gldt-…");
        assertThat(r.items()).allSatisfy(i -> assertThat(i.instance()).isEqualTo(demo.settings().baseUrl()));
        assertThat(r.items().stream().map(CredentialItem::id).distinct()).hasSize(r.items().size());
    }

    @Test
    void each_parent_group_is_asked_once_however_many_repos_sit_under_it() {
        collect(demo.server.ownerToken(), false);

        // The demo workspace: 12 repos in 12 projects under 7 groups: shop, shop/backend, shop/frontend, acme, data, ops, ops/infra.
        assertThat(demo.server.requestCount("GET", "/groups/:id/deploy_tokens")).isEqualTo(7);
        assertThat(demo.server.requestCount("GET", "/groups/:id/access_tokens")).isEqualTo(7);
        assertThat(demo.server.requestCount("GET", "/projects/:id/deploy_tokens")).isEqualTo(12);
        assertThat(demo.server.requestCount("GET", "/projects/:id/deploy_keys")).isEqualTo(1);
        assertThat(demo.server.requestCount("GET", "/deploy_tokens")).isZero(); // not an admin
    }

    @Test
    void tokens_in_remotes_are_only_sent_to_gitlab_with_consent() {
        CollectionResult without = collect(demo.server.ownerToken(), false);
        assertThat(demo.server.requestCount("GET", "/personal_access_tokens/self")).isEqualTo(1); // the app's own
        assertThat(names(without)).doesNotContain("workspace-remotes", "workspace-pushurl", "token in a remote URL");
        assertThat(without.notes()).anyMatch(n -> n.contains("4 access token(s) found in remotes were not inspected"));

        demo.server.resetRequestCounts();
        collect(demo.server.ownerToken(), true);
        // the app's own, then once per distinct token in a URL
        assertThat(demo.server.requestCount("GET", "/personal_access_tokens/self")).isEqualTo(1 + 4);
    }

    @Test
    void a_maintainer_gets_what_they_may_see_and_a_note_for_the_rest() {
        CollectionResult r = collect(demo.server.maintainerToken(), false);

        assertThat(names(r)).contains("expired-ci", "k8s-pull", "group-registry", "laptop", "ci-scripts", "deployer")
                .doesNotContain("group-expired", "ops-bot", "shop-automation");
        assertThat(named(r, "laptop").band(DemoWorld.today())).isEqualTo(ExpiryBand.WITHIN_7_DAYS);
        // Maria is Maintainer of shop (not Owner: group access tokens answer 401 for that, which is the role) and a
        // Developer in ops/infra: one sentence per reason, the places behind it.
        assertThat(r.notes()).anyMatch(n -> n.contains("your role on") && n.contains("group access tokens")
                        && n.contains("Owner on a group"))
                .anyMatch(n -> n.contains("your role on") && n.contains("deploy tokens"))
                .noneMatch(n -> n.contains("log in again"));
        assertThat(r.details()).anyMatch(d -> d.note().contains("group access tokens") && d.places().contains("group shop"))
                .anyMatch(d -> d.note().contains("deploy tokens") && d.places().contains("project ops/infra/terraform"));
    }

    @Test
    void an_admin_also_gets_instance_wide_deploy_tokens_without_duplicates() {
        CollectionResult r = collect(demo.server.adminToken(), false);

        assertThat(demo.server.requestCount("GET", "/deploy_tokens")).isEqualTo(1);
        Map<String, Long> perId = r.items().stream().collect(Collectors.groupingBy(CredentialItem::id, Collectors.counting()));
        assertThat(perId.values()).containsOnly(1L);
        assertThat(named(r, "k8s-pull").where()).isEqualTo("shop/backend/payments");
        Optional<CredentialItem> sample = r.items().stream().filter(i -> i.where().equals("instance")).findAny();
        assertThat(sample).as("tokens of projects outside the workspace come from the admin list").isEmpty();
    }

    @Test
    void a_project_that_keeps_failing_is_a_note_and_the_rest_is_collected() {
        demo.server.failRequestsMatching(line -> line.contains("shop%2Fbackend%2Forders/deploy_tokens"));
        try {
            CollectionResult r = collect(demo.server.ownerToken(), false);

            assertThat(names(r)).doesNotContain("expired-ci").contains("k8s-pull", "group-registry", "deployer", "forever");
            assertThat(r.notes()).anyMatch(n -> n.contains("shop/backend/orders (deploy tokens)") && n.contains("500"));
        } finally {
            demo.server.failRequestsMatching(null);
        }
    }

    /**
     * A Developer's token is valid: GitLab answers 403 on the deploy tokens and deploy keys of the projects and groups
     * it can see (lib/api/deploy_tokens.rb authorize! → forbidden!), 401 on their access tokens
     * (lib/api/resource_access_tokens.rb unauthorized!), 404 on the ones it cannot see. That is one sentence per reason,
     * never "log in again", and the places are listed behind it.
     */
    @Test
    void a_developer_gets_one_sentence_per_refusal_and_never_log_in_again() {
        CollectionResult r = collect(demo.server.developerToken(), false);
        r.notesWithPlaces().forEach(n -> System.out.println("developer note: " + n));

        assertThat(r.notes()).noneMatch(n -> n.contains("log in again") || n.contains("token is missing or unknown"));
        List<String> deployTokens = r.notes().stream().filter(n -> n.contains("your role on") && n.contains("deploy tokens")).toList();
        assertThat(deployTokens).singleElement().asString()
                .containsPattern("your role on \\d+ projects and \\d+ groups does not allow listing their deploy tokens");
        assertThat(r.notes()).filteredOn(n -> n.contains("your role on") && n.contains("access tokens")).hasSize(2);
        assertThat(r.notes()).noneMatch(n -> n.startsWith("GitLab answered 403") || n.contains("Forbidden"));
        CollectionResult.GroupedNote places = r.details().stream().filter(d -> d.note().equals(deployTokens.get(0)))
                .findFirst().orElseThrow();
        assertThat(places.places()).contains("project shop/backend/orders", "group shop");
        assertThat(names(r)).as("dave maintains data/warehouse").contains("etl-reader");
    }

    @Test
    void a_bad_token_is_one_note_not_an_exception() {
        CollectionResult r = collect("glpat-not-a-token-of-this-sandbox", false);
        assertThat(r.items()).isEmpty();
        assertThat(r.notes()).singleElement().asString().contains("401");
    }
}
