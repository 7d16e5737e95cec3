package dev.dkm.sandbox;

import java.time.LocalDate;
import java.util.List;

/**
 * The small world every sandbox starts with: an admin, an owner, a maintainer, a developer and a
 * blocked user, each with a PAT named "sandbox"; two groups (one with a subgroup) and five projects.
 * Tests rely on these names.
 */
final class BaseSeeder {
    static final String ADMIN = "root";
    static final String OWNER = "olivia";
    static final String MAINTAINER = "maria";
    static final String DEVELOPER = "dave";
    static final String BLOCKED = "bob";
    static final String TOKEN_NAME = "sandbox";

    private BaseSeeder() {}

    static void seed(SandboxWorld w) {
        w.createUser(ADMIN, "Administrator", true);
        w.createUser(OWNER, "Olivia Owner", false);
        w.createUser(MAINTAINER, "Maria Maintainer", false);
        w.createUser(DEVELOPER, "Dave Developer", false);
        w.createUser(BLOCKED, "Bob Blocked", false);

        w.createGroup("acme", "ACME", "private");
        w.createGroup("acme/platform", "Platform", "private");
        w.createGroup("secret", "Secret", "private");
        w.addGroupMember("acme", OWNER, SandboxState.OWNER);
        w.addGroupMember("secret", OWNER, SandboxState.OWNER);
        w.addGroupMember("acme", MAINTAINER, SandboxState.MAINTAINER);
        w.addGroupMember("acme", DEVELOPER, SandboxState.DEVELOPER);
        w.addGroupMember("acme", BLOCKED, SandboxState.DEVELOPER);

        w.createProject("acme/website", "Website", "private");
        w.createProject("acme/handbook", "Handbook", "public");
        w.createProject("acme/platform/api", "API", "private");
        w.createProject("acme/platform/infra", "Infra", "private");
        w.createProject("secret/vault", "Vault", "private");

        LocalDate inAYear = Times.today().plusDays(365);
        List<String> api = List.of("api");
        for (String user : List.of(ADMIN, OWNER, MAINTAINER, DEVELOPER, BLOCKED)) {
            w.createPersonalAccessToken(user, TOKEN_NAME, api, inAYear);
        }
        w.blockUser(BLOCKED);
    }
}
