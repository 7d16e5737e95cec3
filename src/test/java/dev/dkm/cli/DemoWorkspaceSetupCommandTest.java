package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise for the demo: {@code dkm setup --yes} on a demo workspace repository with a personal access
 * token in its remote leaves it pushing over SSH with its own key (real git, real OpenSSH, the sandbox GitLab).
 */
class DemoWorkspaceSetupCommandTest {
    private static final String PROJECT = "shop/backend/orders";

    @TempDir Path tmp;

    @Test
    void setup_yes_on_a_demo_repository_leaves_it_pushing_over_ssh_with_its_own_key() throws Exception {
        Path workspace = tmp.resolve("workspace");
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).demo(true).workspace(workspace).start();
                GitLabClient owner = GitLabClient.connect(server.url(), Secret.of(server.ownerToken()))) {
            IsolatedGit git = new IsolatedGit(tmp);
            SandboxLogin login = SandboxLogin.of(server, git, tmp);
            Path repo = workspace.resolve(PROJECT);
            String before = Files.readString(repo.resolve(".git/config"));
            assertThat(before).as("the demo repository starts with a token in its remote").contains("glpat-");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), login.env()::get, login.dirs(), login::tokens,
                    ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
            int exit = DkmCli.commandLine(context).execute("setup", repo.toString(), "--yes", "--json",
                    "--accept-host-key", server.hostKeyFingerprint());

            assertThat(exit).as(out + "\n" + err).isZero();
            JsonObject result = JsonParser.parseString(out.toString()).getAsJsonObject();
            assertThat(result.get("success").getAsBoolean()).isTrue();
            String config = Files.readString(repo.resolve(".git/config"));
            assertThat(config).doesNotContain("glpat-").contains("sshCommand = ssh -i ").contains("IdentitiesOnly=yes")
                    .contains("url = ssh://git@127.0.0.1:" + server.sshPort() + "/" + PROJECT + ".git");
            Path key = Files.list(tmp.resolve("ssh/dkm")).filter(p -> !p.toString().endsWith(".pub")).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
            String publicKey = Files.readString(Path.of(key + ".pub")).strip().split(" ")[1];
            DeployKey registered = owner.projectDeployKeys(PROJECT).stream()
                    .filter(k -> k.key() != null && k.key().contains(publicKey)).findFirst().orElseThrow();
            assertThat(registered.canPush()).isTrue();

            Files.writeString(repo.resolve("from-the-demo.txt"), "pushed with its own deploy key\n");
            git.git(repo, "add", "from-the-demo.txt").assertOk();
            git.git(repo, "commit", "-q", "-m", "demo push").assertOk();
            git.git(repo, "push", "-q", "origin", "HEAD").assertOk();
            String local = git.git(repo, "rev-parse", "HEAD").assertOk().stdout().strip();
            String remote = git.git(repo, "ls-remote", "origin", "HEAD").assertOk().stdout().split("\\s")[0];
            assertThat(remote).isEqualTo(local);
            assertThat(out.toString() + err).doesNotContain(server.maintainerToken());
        }
    }
}
