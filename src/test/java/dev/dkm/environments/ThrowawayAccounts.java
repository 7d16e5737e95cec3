package dev.dkm.environments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Real local accounts for the environment tests (we run as root, CI too): created with {@code useradd -m}, named with
 * this issue's prefix {@code dkmt15}, removed with {@code userdel -r} (both through {@link dev.dkm.testsupport.LocalAccounts},
 * whose readable class path copy the tests give {@code dkm.helper.classpath}).
 */
public final class ThrowawayAccounts implements AutoCloseable {
    private final List<String> created = new ArrayList<>();

    public record Out(int exit, String out) {
        public Out assertOk() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + ": " + out);
            }
            return this;
        }
    }

    public String create(String suffix) throws IOException {
        String name = "dkmt15" + suffix + Long.toString(ProcessHandle.current().pid() % 1000, 36);
        dev.dkm.testsupport.LocalAccounts.add(name, null, null);
        created.add(name);
        return name;
    }

    static Out run(List<String> command) throws IOException {
        dev.dkm.testsupport.LocalAccounts.Output o = dev.dkm.testsupport.LocalAccounts.exec(command);
        return new Out(o.exit(), o.out());
    }

    /** {@code sh -c script} as {@code account}, in its home, with git's identity set and no system config. */
    public static Out as(String account, String script) throws IOException {
        return run(List.of("runuser", "-u", account, "--", "env", "-i", "PATH=/usr/bin:/bin", "HOME=/home/" + account,
                "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
                "GIT_COMMITTER_EMAIL=t@example.com", "sh", "-c", "cd && " + script));
    }

    public static Path home(String account) {
        return Path.of("/home", account);
    }

    /**
     * The workspace the environment tests give an account: a repository at {@code ~/DIR} of {@code account}, made by
     * the account itself ({@code git init -b main}), whose origin is the sandbox GitLab's HTTPS URL of {@code project}
     * with {@code token} in it (the account's own token, never the caller's API token).
     */
    public static void tokenRepo(String account, String dir, dev.dkm.sandbox.SandboxServer server, String token, String project)
            throws IOException {
        as(account, "mkdir -p " + dir + " && cd " + dir + " && git init -q -b main && git remote add origin "
                + tokenUrl(server, token, project)).assertOk();
    }

    /** {@code http://oauth2:TOKEN@host:port/PROJECT.git} on the sandbox. */
    public static String tokenUrl(dev.dkm.sandbox.SandboxServer server, String token, String project) {
        return server.url().replace("http://", "http://oauth2:" + token + "@") + "/" + project + ".git";
    }

    /** The account's one private key, born there by its helper: 0600, owned by the account, in its own 0700 ~/.ssh/dkm. */
    public static Path assertOneOwnKey(String account) throws IOException {
        Path keyDir = home(account).resolve(".ssh/dkm");
        org.assertj.core.api.Assertions.assertThat(Files.getOwner(keyDir).getName()).isEqualTo(account);
        org.assertj.core.api.Assertions.assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir)))
                .isEqualTo("rwx------");
        try (var keys = Files.list(keyDir)) {
            List<Path> privateKeys = keys.filter(p -> !p.toString().endsWith(".pub")).toList();
            org.assertj.core.api.Assertions.assertThat(privateKeys).hasSize(1);
            Path key = privateKeys.get(0);
            org.assertj.core.api.Assertions.assertThat(Files.getOwner(key, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName())
                    .isEqualTo(account);
            org.assertj.core.api.Assertions.assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            return key;
        }
    }

    /** {@code secret} is in none of the account's files (checked without printing it). */
    public static void assertNotInHome(String account, String secret) throws IOException {
        org.assertj.core.api.Assertions.assertThat(run(List.of("grep", "-rlF", secret, home(account).toString())).exit())
                .as("grep for the secret in " + home(account) + " (1: found nowhere)").isEqualTo(1);
    }

    /** The processes this JVM started that run as {@code account} (its helpers), to end them by their id. */
    public static java.util.List<ProcessHandle> processesOf(String account) {
        return ProcessHandle.current().descendants().filter(p -> p.info().user().map(account::equals).orElse(false)).toList();
    }

    @Override
    public void close() throws IOException {
        for (String name : created) {
            dev.dkm.testsupport.LocalAccounts.remove(name, null);
        }
        created.clear();
    }
}
