package dev.dkm.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A believable world on top of {@link BaseSeeder}: nested groups, about twenty projects, deploy keys
 * (read-only, read-write, shared, public, expiring), protected branches, and tokens at every expiry
 * stage relative to now: expired, in 3 days, in 20 days, in 200 days, never.
 */
final class DemoSeeder {
    private DemoSeeder() {}

    static void seed(SandboxWorld w) {
        groups(w);
        projects(w);
        deployKeys(w);
        deployTokens(w);
        accessTokens(w);
    }

    private static void groups(SandboxWorld w) {
        w.createGroup("shop", "Shop", "private");
        w.createGroup("shop/backend", "Backend", "private");
        w.createGroup("shop/frontend", "Frontend", "private");
        w.createGroup("data", "Data", "internal");
        w.createGroup("ops", "Ops", "private");
        w.createGroup("ops/infra", "Infra", "private");
        for (String g : List.of("shop", "data", "ops")) {
            w.addGroupMember(g, BaseSeeder.OWNER, SandboxState.OWNER);
        }
        w.addGroupMember("shop", BaseSeeder.MAINTAINER, SandboxState.MAINTAINER);
        w.addGroupMember("data", BaseSeeder.MAINTAINER, SandboxState.MAINTAINER);
        w.addGroupMember("ops/infra", BaseSeeder.MAINTAINER, SandboxState.DEVELOPER);
        w.addGroupMember("shop", BaseSeeder.DEVELOPER, SandboxState.DEVELOPER);
    }

    private static void projects(SandboxWorld w) {
        String[][] projects = {
            {"shop/backend/orders", "Orders"}, {"shop/backend/payments", "Payments"},
            {"shop/backend/inventory", "Inventory"}, {"shop/backend/notifications", "Notifications"},
            {"shop/frontend/storefront", "Storefront"}, {"shop/frontend/admin-ui", "Admin UI"},
            {"shop/frontend/design-system", "Design System"}, {"data/warehouse", "Warehouse"},
            {"data/pipelines", "Pipelines"}, {"data/dashboards", "Dashboards"},
            {"ops/infra/terraform", "Terraform"}, {"ops/infra/ansible", "Ansible"},
            {"ops/monitoring", "Monitoring"}, {"ops/runbooks", "Runbooks"}, {"shop/docs", "Docs"},
        };
        for (String[] p : projects) {
            w.createProject(p[0], p[1], p[0].startsWith("shop/docs") ? "public" : "private");
        }
        w.addProjectMember("data/warehouse", BaseSeeder.DEVELOPER, SandboxState.MAINTAINER);
    }

    private static void deployKeys(SandboxWorld w) {
        String maria = BaseSeeder.MAINTAINER;
        Instant now = Instant.now();
        w.createDeployKey("shop/backend/orders", "CI read-only", DemoKeys.newPublicLine("ci@orders"), false, maria, null);
        int release = w.createDeployKey("shop/backend/payments", "Release bot", DemoKeys.newPublicLine("release@payments"),
                true, maria, now.plus(200, ChronoUnit.DAYS));
        int mirror = w.createDeployKey("shop/backend/inventory", "Mirror (shared)", DemoKeys.newPublicLine("mirror@backup"),
                false, maria, null);
        for (String p : List.of("shop/backend/notifications", "data/warehouse", "data/pipelines")) {
            w.enableDeployKey(p, mirror, false);
        }
        int fetch = w.createDeployKey(null, "Public fetch key", DemoKeys.newPublicLine("fetch@everywhere"),
                false, BaseSeeder.ADMIN, null);
        w.makeDeployKeyPublic(fetch);
        w.enableDeployKey("data/dashboards", fetch, false);
        w.createDeployKey("data/pipelines", "Airflow (expires soon)", DemoKeys.newPublicLine("airflow@data"), true, maria,
                now.plus(10, ChronoUnit.DAYS));
        w.createDeployKey("ops/monitoring", "Old deploy (expired)", DemoKeys.newPublicLine("old@ops"), true,
                BaseSeeder.OWNER, now.minus(30, ChronoUnit.DAYS));
        w.createDeployKey("acme/website", "Website deploy", DemoKeys.newPublicLine("deploy@website"), true, maria, null);

        w.protectBranch("shop/backend/payments", "main", 0, release);
        w.protectBranch("ops/infra/terraform", "main", 0);
        w.protectBranch("acme/website", "main", SandboxState.MAINTAINER);
        w.protectBranch("shop/backend/orders", "release/*", SandboxState.MAINTAINER);
    }

    private static void deployTokens(SandboxWorld w) {
        Instant now = Instant.now();
        List<String> repo = List.of("read_repository");
        List<String> registry = List.of("read_repository", "read_registry");
        w.createDeployToken("shop/backend/orders", null, "expired-ci", repo, now.minus(5, ChronoUnit.DAYS));
        w.createDeployToken("shop/backend/payments", null, "k8s-pull", registry, now.plus(3, ChronoUnit.DAYS));
        w.createDeployToken("shop/frontend/storefront", null, "cdn-sync", repo, now.plus(20, ChronoUnit.DAYS));
        w.createDeployToken("data/warehouse", null, "etl-reader", repo, now.plus(200, ChronoUnit.DAYS));
        w.createDeployToken("data/pipelines", null, "forever", repo, null);
        w.createDeployToken(null, "shop", "group-registry", registry, now.plus(20, ChronoUnit.DAYS));
        w.createDeployToken(null, "data", "group-readonly", repo, null);
        w.createDeployToken(null, "ops", "group-expired", repo, now.minus(40, ChronoUnit.DAYS));
        w.createDeployToken(null, "shop/backend", "backend-pull", List.of("read_package_registry"), now.plus(3, ChronoUnit.DAYS));
    }

    private static void accessTokens(SandboxWorld w) {
        LocalDate today = Times.today();
        List<String> api = List.of("api");
        w.createPersonalAccessToken(BaseSeeder.MAINTAINER, "laptop", api, today.plusDays(3));
        w.createPersonalAccessToken(BaseSeeder.MAINTAINER, "ci-scripts", List.of("read_api", "read_repository"), today.plusDays(20));
        w.createPersonalAccessToken(BaseSeeder.DEVELOPER, "old-laptop", api, today.minusDays(10));
        w.createPersonalAccessToken(BaseSeeder.DEVELOPER, "ide", List.of("read_repository", "write_repository"), today.plusDays(200));
        w.createPersonalAccessToken(BaseSeeder.ADMIN, "admin-script", api, null);
        w.createProjectAccessToken("shop/backend/orders", "deployer", SandboxState.MAINTAINER, api, today.plusDays(14));
        w.createProjectAccessToken("data/warehouse", "reporting", SandboxState.REPORTER, List.of("read_api"), today.minusDays(2));
        w.createGroupAccessToken("shop", "shop-automation", SandboxState.DEVELOPER, api, today.plusDays(90));
        w.createGroupAccessToken("ops", "ops-bot", SandboxState.MAINTAINER, api, today.plusDays(3));
    }
}
