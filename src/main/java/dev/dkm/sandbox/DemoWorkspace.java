package dev.dkm.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Clones demo projects into a folder with the mix of remotes dkm exists to fix: tokens in HTTPS URLs
 * (PAT, deploy token, only in pushurl), a token in a credential store and one in an {@code http.extraHeader},
 * plain HTTPS, SSH with the default key, and one repo already wired to its own deploy key. The sandbox does not serve git over HTTP: those remotes are there for
 * dkm to find and convert. A workspace made by an earlier start is left alone; its URLs carry the ports
 * of that start, so use fixed ports for a workspace that should outlive a restart.
 */
final class DemoWorkspace {
    static final String KEYS_DIR = ".keys";
    private final SandboxServer server;

    DemoWorkspace(SandboxServer server) {
        this.server = server;
    }

    void create(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve("shop/backend/orders"))) {
                return; // made by an earlier start: do not mint more tokens
            }
            SandboxWorld w = server.world();
            String host = server.url().substring("http://".length());
            LocalDate inAMonth = Times.today().plusDays(30);

            String pat = w.createPersonalAccessToken(BaseSeeder.MAINTAINER, "workspace-remotes", List.of("api"), inAMonth);
            clone(dir, "shop/backend/orders", "http://oauth2:" + pat + "@" + host + "/shop/backend/orders.git");

            String deployToken = w.createDeployToken("shop/backend/payments", null, "workspace-clone",
                    List.of("read_repository"), inAMonth.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            clone(dir, "shop/backend/payments", "http://" + w.deployTokenUsername(deployToken) + ":" + deployToken
                    + "@" + host + "/shop/backend/payments.git");

            String pushPat = w.createPersonalAccessToken(BaseSeeder.DEVELOPER, "workspace-pushurl", List.of("write_repository"),
                    Times.today().plusDays(5));
            Path website = clone(dir, "acme/website", server.url() + "/acme/website.git");
            if (website != null) {
                setConfig(website, "remote", "origin", "pushurl", "http://dave:" + pushPat + "@" + host + "/acme/website.git");
            }

            clone(dir, "data/warehouse", server.url() + "/data/warehouse.git");
            clone(dir, "data/pipelines", server.sshUrl("data/pipelines"));
            clone(dir, "acme/handbook", server.sshUrl("acme/handbook"));
            String expired = w.createPersonalAccessToken(BaseSeeder.DEVELOPER, "expired-remote", List.of("api"),
                    Times.today().minusDays(3));
            clone(dir, "ops/infra/terraform", "http://oauth2:" + expired + "@" + host + "/ops/infra/terraform.git");

            // A token hidden in an insteadOf rule: the remote URL itself looks clean.
            String insteadOfPat = w.createPersonalAccessToken(BaseSeeder.MAINTAINER, "workspace-insteadof", List.of("api"),
                    Times.today().plusDays(200));
            Path inventory = clone(dir, "shop/backend/inventory", server.url() + "/shop/backend/inventory.git");
            if (inventory != null) {
                setConfig(inventory, "url", "http://oauth2:" + insteadOfPat + "@" + host + "/", "insteadOf", server.url() + "/");
            }

            // Two remotes: SSH origin, and an upstream carrying a group deploy token.
            String groupToken = w.createDeployToken(null, "shop", "workspace-upstream", List.of("read_repository"), null);
            Path adminUi = clone(dir, "shop/frontend/admin-ui", server.sshUrl("shop/frontend/admin-ui"));
            if (adminUi != null) {
                setConfig(adminUi, "remote", "upstream", "url", "http://" + w.deployTokenUsername(groupToken) + ":" + groupToken
                        + "@" + host + "/shop/frontend/admin-ui.git");
                setConfig(adminUi, "remote", "upstream", "fetch", "+refs/heads/*:refs/remotes/upstream/*");
            }

            // Tokens outside any URL, as people set them up following common advice: a credential store (here the
            // repository's own `credential.helper = store --file …`, so the demo never touches ~/.git-credentials),
            // holding the same personal token as orders' URL, and a PRIVATE-TOKEN http.extraHeader with inventory's.
            Path notifications = clone(dir, "shop/backend/notifications", server.url() + "/shop/backend/notifications.git");
            if (notifications != null) {
                Path store = demoCredentialStore(dir, "http://oauth2:" + pat + "@" + host + "\n");
                setConfig(notifications, "credential", null, "helper", "store --file " + store);
            }
            Path dashboards = clone(dir, "data/dashboards", server.url() + "/data/dashboards.git");
            if (dashboards != null) {
                setConfig(dashboards, "http", null, "extraHeader", "PRIVATE-TOKEN: " + insteadOfPat);
            }

            wireDeployKey(dir, dir.resolve("shop/frontend/storefront"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A credential-store file for the demo, 0600 in a 0700 folder of the workspace, as git credential-store makes it. */
    private static Path demoCredentialStore(Path dir, String content) throws IOException {
        Path folder = dir.resolve(".credentials");
        if (!Files.exists(folder)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path store = folder.resolve("git-credentials");
        Files.createFile(store, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(store, content);
        return store;
    }

    /** The repo that is already done: its own rw deploy key, 0600 in a 0700 folder, and its own known_hosts. */
    private void wireDeployKey(Path dir, Path repo) throws IOException {
        Path keys = dir.resolve(KEYS_DIR);
        if (!Files.exists(keys)) {
            Files.createDirectory(keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        KeyPair kp = DemoKeys.newKeyPair();
        Path keyFile = keys.resolve("storefront_deploy_ed25519");
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "storefront-deploy", null, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String publicLine = DemoKeys.publicLine(kp, "storefront-deploy");
        Files.writeString(keys.resolve("storefront_deploy_ed25519.pub"), publicLine + "\n");
        Path knownHosts = keys.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        server.world().createDeployKey("shop/frontend/storefront", "Workspace storefront", publicLine, true,
                BaseSeeder.MAINTAINER, null);
        clone(dir, "shop/frontend/storefront", server.sshUrl("shop/frontend/storefront"));
        setConfig(repo, "core", null, "sshCommand",
                "ssh -i " + keyFile + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" + knownHosts);
    }

    /** Clones from the bare repo on disk, then points origin at {@code remoteUrl}; null if the folder exists. */
    private Path clone(Path dir, String projectPath, String remoteUrl) {
        Path target = dir.resolve(projectPath);
        if (Files.exists(target)) {
            return null;
        }
        try (Git git = Git.cloneRepository()
                .setURI(server.repoDir(projectPath).toUri().toString())
                .setDirectory(target.toFile())
                .call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", remoteUrl);
            config.save();
            return target;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot clone " + projectPath, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setConfig(Path repo, String section, String subsection, String name, String value) {
        try (Git git = Git.open(repo.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString(section, subsection, name, value);
            config.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
