package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --demo world and the --workspace of sample repos, including the already wired repo working for real. */
class DemoWorldTest {
    @TempDir
    static Path tmp;
    static SandboxServer server;
    static SandboxHttp http;
    static Path workspace;

    @BeforeAll
    static void start() {
        workspace = tmp.resolve("ws");
        server = Sandbox.builder().dataDir(tmp.resolve("data")).workspace(workspace).start();
        http = new SandboxHttp(server.apiUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void demoHasTwentyProjectsInNestedGroups() {
        SandboxHttp.Answer a = http.get("/projects?per_page=100", server.adminToken());
        assertThat(Integer.parseInt(a.header("X-Total"))).isGreaterThanOrEqualTo(20);
        assertThat(SandboxRestTest.paths(a.json().getAsJsonArray())).contains("shop/backend/orders", "ops/infra/terraform");
        assertThat(Files.isDirectory(server.repoDir("shop/frontend/storefront"))).isTrue();
    }

    @Test
    void deployTokensAtEveryExpiryStage() {
        JsonArray all = http.get("/deploy_tokens?per_page=100", server.adminToken()).json().getAsJsonArray();
        List<String> names = all.asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList();
        assertThat(names).contains("expired-ci", "k8s-pull", "cdn-sync", "etl-reader", "forever", "group-registry");
        assertThat(all.asList().stream().filter(e -> e.getAsJsonObject().get("expired").getAsBoolean())).isNotEmpty();
        assertThat(all.asList().stream().filter(e -> e.getAsJsonObject().get("revoked").getAsBoolean())).isNotEmpty();
        assertThat(all.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("expires_at").isJsonNull())).isNotEmpty();
        JsonArray protectedBranches = http.get("/projects/shop%2Fbackend%2Fpayments/protected_branches", server.maintainerToken())
                .json().getAsJsonArray();
        assertThat(protectedBranches.toString()).contains("No one").contains("deploy_key_id");
    }

    @Test
    void workspaceHasTheMixOfRemotes() throws Exception {
        assertThat(originUrl("shop/backend/orders")).matches("http://oauth2:glpat-[\\w-]{20}@127\\.0\\.0\\.1:\\d+/shop/backend/orders\\.git");
        assertThat(originUrl("shop/backend/payments")).matches("http://gitlab\\+deploy-token-\\d+:gldt-[\\w-]{20}@127.*");
        assertThat(originUrl("acme/website")).isEqualTo(server.url() + "/acme/website.git");
        assertThat(config("acme/website").getString("remote", "origin", "pushurl")).contains(":glpat-");
        assertThat(originUrl("data/pipelines")).isEqualTo(server.sshUrl("data/pipelines"));
        assertThat(config("shop/backend/inventory").getSubsections("url")).anyMatch(u -> u.contains(":glpat-"));
        assertThat(config("shop/frontend/admin-ui").getString("remote", "upstream", "url")).contains(":gldt-");
        String helper = config("shop/backend/notifications").getString("credential", null, "helper");
        assertThat(helper).startsWith("store --file ");
        Path store = Path.of(helper.substring("store --file ".length()));
        assertThat(Files.readString(store)).matches("http://oauth2:glpat-[\\w-]{20}@127\\.0\\.0\\.1:\\d+\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        assertThat(config("data/dashboards").getString("http", null, "extraHeader")).matches("PRIVATE-TOKEN: glpat-[\\w-]{20}");
        Path keys = workspace.resolve(DemoWorkspace.KEYS_DIR);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("storefront_deploy_ed25519"))))
                .isEqualTo("rw-------");
        assertThat(config("shop/frontend/storefront").getString("core", null, "sshCommand"))
                .contains("-o IdentitiesOnly=yes").contains("UserKnownHostsFile=");
    }

    @Test
    void wiredRepoFetchesAndPushesWithItsOwnKey() throws Exception {
        Path repo = workspace.resolve("shop/frontend/storefront");
        GitCli git = new GitCli(tmp.resolve("home"), server.knownHostsLine());
        // The wired core.sshCommand carries key and known_hosts; -F /dev/null keeps the real ~/.ssh/config out.
        String wired = config("shop/frontend/storefront").getString("core", null, "sshCommand") + " -F /dev/null -o BatchMode=yes";
        GitCli.Result fetch = git.git(repo, null, "-c", "core.sshCommand=" + wired, "fetch", "origin");
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        Files.writeString(repo.resolve("hello.txt"), "hi\n");
        git.git(repo, null, "add", "hello.txt");
        git.git(repo, null, "commit", "-q", "-m", "hello");
        GitCli.Result push = git.git(repo, null, "-c", "core.sshCommand=" + wired, "push", "origin", "HEAD:main");
        assertThat(push.exitCode()).as(push.output()).isZero();
    }

    private static String originUrl(String project) throws Exception {
        return config(project).getString("remote", "origin", "url");
    }

    private static StoredConfig config(String project) throws Exception {
        try (Git git = Git.open(workspace.resolve(project).toFile())) {
            return git.getRepository().getConfig();
        }
    }
}
