package dev.dkm.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code core.sshCommand} that wires a repository to its key. git hands the value to the shell, so paths are
 * single-quoted when they need it ({@code ssh -i '/home/me/my keys/k' -o IdentitiesOnly=yes}).
 * {@code IdentitiesOnly=yes} stops ssh offering agent keys first ("Too many authentication failures").
 */
public final class SshCommandLine {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private SshCommandLine() {}

    /** @param knownHostsFile null when ssh's default known_hosts is the one that trusts the host */
    public static String forKey(Path privateKey, Path knownHostsFile) {
        List<String> words = new ArrayList<>(List.of("ssh", "-i", quote(privateKey.toString()), "-o", "IdentitiesOnly=yes"));
        if (knownHostsFile != null) {
            words.add("-o");
            words.add(quote("UserKnownHostsFile=" + knownHostsFile));
        }
        return String.join(" ", words);
    }

    static String quote(String word) {
        if (!word.isEmpty() && SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
