package dev.dkm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabConnections;
import dev.dkm.journal.RunUndo;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.setup.DeployKeySetup;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.HostKeyConsent;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlanner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.task.Progress;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 6, end to end (sandbox GitLab, real git, real OpenSSH): a convert and its undo keep the modes of
 * a 0600 {@code .git/config} and a 0600 {@code known_hosts}, write through a symlinked config (the token leaves the
 * file the link names) and a symlinked known_hosts (appended, same inode), and create a missing {@code ~/.ssh} 0700.
 */
class ModesAndLinksEndToEndTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient client;
    IsolatedGit git;

    @BeforeEach
    void world() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        var w = server.world();
        w.createGroup("modes", "Modes", "private");
        w.addGroupMember("modes", "maria", 40);
        w.createProject("modes/private", "Private", "private");
        w.createProject("modes/linked", "Linked", "private");
        git = new IsolatedGit(tmp);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private Path cloneWithToken(Path ws, String project) throws Exception {
        Path repo = ws.resolve(project.replace('/', '-'));
        git.git(tmp, "clone", "-q", server.repoDir(project).toString(), repo.toString()).assertOk();
        git.git(repo, "remote", "set-url", "origin",
                server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git").assertOk();
        return repo;
    }

    @Test
    void convert_and_undo_keep_modes_and_write_through_links() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path privateRepo = cloneWithToken(ws, "modes/private");
        Path privateConfig = privateRepo.resolve(".git/config");
        Files.setPosixFilePermissions(privateConfig, PosixFilePermissions.fromString("rw-------"));

        Path linkedRepo = cloneWithToken(ws, "modes/linked");
        Path linkedConfig = linkedRepo.resolve(".git/config");
        Path dotfile = Files.createDirectories(tmp.resolve("dotfiles")).resolve("linked.gitconfig");
        Files.move(linkedConfig, dotfile);
        Files.setPosixFilePermissions(dotfile, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(linkedConfig, dotfile);
        byte[] dotfileBefore = Files.readAllBytes(dotfile);
        byte[] privateBefore = Files.readAllBytes(privateConfig);

        Path home = Files.createDirectories(tmp.resolve("home"));   // no ~/.ssh yet
        Path knownHostsTarget = Files.createDirectories(tmp.resolve("dotfiles/ssh")).resolve("known_hosts");
        Files.writeString(knownHostsTarget, "# mine\n");
        Files.setPosixFilePermissions(knownHostsTarget, PosixFilePermissions.fromString("rw-------"));
        Object inode = Files.getAttribute(knownHostsTarget, "unix:ino");
        Path elsewhere = Files.createDirectories(tmp.resolve("ssh-elsewhere")).resolve("known_hosts");
        Files.createSymbolicLink(elsewhere, knownHostsTarget);
        SshEnvironment env = new SshEnvironment(home.resolve(".ssh/dkm"), elsewhere, false, "modes@box");

        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), new HostKeyProbe(Duration.ofSeconds(10)));
        GitLabConnections connections = (host, port) -> "127.0.0.1".equals(host) && Integer.valueOf(server.httpPort()).equals(port)
                ? Optional.of(new GitLabConnections.GitLabConnection(server.url(), client)) : Optional.empty();
        Path runs = tmp.resolve("runs");
        BulkConverter converter = new BulkConverter(new SetupPlanner(env, hostKeys),
                new DeployKeySetup(hostKeys, new GitRunner("git", git.env(), 60), Clock.systemUTC()), connections, runs, Clock.systemUTC());

        List<RepoInfo> repos = new WorkspaceScanner(ScanOptions.defaults()).scan(List.of(ws), Progress.NONE);
        ConversionPreview preview = converter.preview(repos, SetupOptions.defaults(), 2, Progress.NONE);
        ConversionReport report = converter.run(preview, HostKeyConsent.fingerprint(server.hostKeyFingerprint()), 1, "modes",
                Progress.NONE, BulkConverter.Listener.NONE);
        assertThat(report.count(RepoOutcome.Outcome.CONVERTED)).as(report.outcomes().toString()).isEqualTo(2);

        assertThat(mode(privateConfig)).isEqualTo("rw-------");
        assertThat(Files.isSymbolicLink(linkedConfig)).isTrue();
        assertThat(Files.readString(dotfile)).as("the token left the file the link names")
                .doesNotContain(server.maintainerToken()).contains("core");
        assertThat(mode(dotfile)).isEqualTo("rw-------");
        assertThat(Files.isSymbolicLink(elsewhere)).isTrue();
        assertThat(Files.getAttribute(knownHostsTarget, "unix:ino")).as("known_hosts appended to, not replaced").isEqualTo(inode);
        assertThat(Files.readString(knownHostsTarget)).startsWith("# mine\n").contains("[127.0.0.1]:" + server.sshPort());
        assertThat(mode(knownHostsTarget)).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".ssh"))).as("a missing ~/.ssh is created 0700").isEqualTo("rwx------");
        assertThat(mode(home.resolve(".ssh/dkm"))).isEqualTo("rwx------");
        // the wired repository really works over SSH through the symlinked config
        git.git(linkedRepo, "ls-remote", "origin").assertOk();

        new RunUndo(runs, instance -> client, Clock.systemUTC()).undo(report.runId());

        assertThat(mode(privateConfig)).as("after undo the token is back: still 0600").isEqualTo("rw-------");
        assertThat(Files.readAllBytes(privateConfig)).isEqualTo(privateBefore);
        assertThat(Files.isSymbolicLink(linkedConfig)).isTrue();
        assertThat(Files.readAllBytes(dotfile)).isEqualTo(dotfileBefore);
        assertThat(mode(dotfile)).isEqualTo("rw-------");
    }
}
