package dev.dkm.environments;

import dev.dkm.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;

/**
 * The local accounts {@code --all-users} considers: every account of the password database ({@code getent passwd},
 * so LDAP/SSSD accounts count too) whose home folder exists and belongs to it. That skips, without starting anything,
 * the system accounts whose "home" is {@code /bin}, {@code /usr/sbin} or {@code /nonexistent}; the helper then tells
 * which of the others hold repositories.
 */
public final class AccountDirectory {
    public record Account(String name, int uid, Path home) {}

    private AccountDirectory() {}

    public static List<Account> withOwnHome() throws IOException {
        return withOwnHome(passwd());
    }

    static List<Account> withOwnHome(List<String> passwdLines) {
        List<Account> accounts = new ArrayList<>();
        for (String line : passwdLines) {
            String[] f = line.split(":", -1);
            if (f.length < 7 || f[0].isBlank()) {
                continue;
            }
            int uid;
            try {
                uid = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            Path home = Path.of(f[5].isBlank() ? "/" : f[5]);
            if (!home.isAbsolute() || home.getNameCount() == 0) {
                continue;
            }
            try {
                if (Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)
                        && Integer.valueOf(uid).equals(Files.getAttribute(home, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                    accounts.add(new Account(f[0], uid, home));
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // cannot tell: not one of ours to enter
            }
        }
        return accounts;
    }

    private static List<String> passwd() throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(ProcessRunner.Command.of(List.of("getent", "passwd"), Duration.ofSeconds(30)));
        if (!r.ok()) {
            return Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
        }
        return List.of(r.stdout().split("\n"));
    }
}
