package dev.dkm.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The environment end-to-end tests run the real git and OpenSSH in: a temp HOME, no system git config, no agent,
 * and an {@code ssh} first on PATH that is the real OpenSSH with {@code -F /dev/null -o BatchMode=yes} — ssh takes
 * its home from the password database, so without {@code -F} it would read the developer's {@code ~/.ssh/config}.
 * The wired {@code core.sshCommand} ("ssh -i KEY …") finds this ssh by PATH, exactly as it finds the real one.
 */
public final class IsolatedGit {
    private final Path home;
    private final Path bin;

    public IsolatedGit(Path dir) throws IOException {
        this.home = Files.createDirectories(dir.resolve("home"));
        this.bin = Files.createDirectories(dir.resolve("bin"));
        Path ssh = bin.resolve("ssh");
        Files.writeString(ssh, "#!/bin/sh\nexec /usr/bin/ssh -F /dev/null -o BatchMode=yes \"$@\"\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Test User\n\temail = test@example.invalid\n"
                + "[init]\n\tdefaultBranch = main\n");
    }

    public Path home() {
        return home;
    }

    /** Environment overrides for every git process of the test (also handed to the product's GitRunner). */
    public Map<String, String> env() {
        return Map.of(
                "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString(),
                "PATH", bin + ":" + System.getenv("PATH"),
                "SSH_AUTH_SOCK", "");
    }

    public Processes.Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Processes.run(dir, home, env(), command);
    }
}
