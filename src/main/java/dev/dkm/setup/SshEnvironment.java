package dev.dkm.setup;

import java.nio.file.Path;

/**
 * Where this environment keeps SSH things. Taken from settings (or tests), never derived from {@code $HOME}
 * alone: ssh reads its home from the password database (toolchain.md, "HOME does not isolate everything").
 *
 * @param keyDir            where new deploy keys are written (0700), e.g. {@code ~/.ssh/dkm}
 * @param knownHosts        the known_hosts file trusted host keys are checked against and written to
 * @param knownHostsIsSshDefault true when that file is the one ssh reads anyway ({@code ~/.ssh/known_hosts});
 *                          otherwise the wired command names it with {@code -o UserKnownHostsFile=}
 * @param identity          {@code user@hostname}, for key titles and comments
 */
public record SshEnvironment(Path keyDir, Path knownHosts, boolean knownHostsIsSshDefault, String identity) {

    /** The real user's defaults: {@code ~/.ssh/dkm} and {@code ~/.ssh/known_hosts} (user.home comes from passwd, like ssh's). */
    public static SshEnvironment forCurrentUser() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshEnvironment(ssh.resolve("dkm"), ssh.resolve("known_hosts"), true, currentIdentity());
    }

    public SshEnvironment withKeyDir(Path dir) {
        return new SshEnvironment(dir, knownHosts, knownHostsIsSshDefault, identity);
    }

    /** The known_hosts file to name in {@code core.sshCommand}, or null when ssh reads it by default. */
    public Path knownHostsForCommand() {
        return knownHostsIsSshDefault ? null : knownHosts;
    }

    public static String currentIdentity() {
        String user = System.getProperty("user.name", "user");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return user + "@" + host;
    }
}
