package dev.dkm.setup;

import java.util.List;
import java.util.Locale;

/**
 * Turns what git and ssh print on failure into one sentence saying what is wrong and what to do. The patterns are
 * OpenSSH's and gitlab-shell's own messages.
 */
public final class GitErrorExplainer {
    /** What kind of failure, for callers that react differently (e.g. offer to trust a host key). */
    public enum Cause { HOST_KEY_UNKNOWN, HOST_KEY_CHANGED, KEY_REJECTED, KEY_NOT_ENABLED, READ_ONLY_KEY,
        PROTECTED_BRANCH, KEY_FILE_PERMISSIONS, TOO_MANY_KEYS, NETWORK, OTHER }

    public record Explanation(Cause cause, String sentence) {}

    private record Rule(Cause cause, List<String> needles, String sentence) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Cause.HOST_KEY_CHANGED, List.of("remote host identification has changed"),
                    "The server's SSH host key has changed since it was trusted: this may be an attack. Check the new fingerprint with your GitLab administrator before trusting it."),
            new Rule(Cause.HOST_KEY_UNKNOWN, List.of("host key verification failed", "no matching host key"),
                    "ssh does not trust the server's host key yet: confirm its fingerprint (dkm shows it) so it is added to known_hosts."),
            new Rule(Cause.KEY_FILE_PERMISSIONS, List.of("unprotected private key file", "bad permissions"),
                    "ssh refuses the private key because others can read it: run chmod 600 on the key file."),
            new Rule(Cause.TOO_MANY_KEYS, List.of("too many authentication failures"),
                    "ssh offered too many keys before the right one: add -o IdentitiesOnly=yes to core.sshCommand."),
            new Rule(Cause.PROTECTED_BRANCH, List.of("protected branch", "not allowed to push code to protected branches", "not allowed to force push"),
                    "The branch is protected and does not allow this deploy key to push: allow the key in the branch's \"Allowed to push\" list, and make sure the key's creator is still a Maintainer."),
            new Rule(Cause.READ_ONLY_KEY, List.of("not allowed to push code to this project", "deploy key does not have write access", "deploy key is not allowed to push", "is not allowed to push"),
                    "The deploy key is read-only on this project: enable \"Grant write permissions to this key\" (can_push), or set it up again as read-write."),
            new Rule(Cause.KEY_NOT_ENABLED, List.of("could not be found or you don't have permission", "project you were looking for could not be found", "deploy key does not have access to this project"),
                    "GitLab knows the key but it is not enabled on this project: enable it as a deploy key of the project."),
            new Rule(Cause.KEY_REJECTED, List.of("permission denied (publickey", "permission denied, please try again"),
                    "GitLab rejected the SSH key: it is not registered as a deploy key (or it expired, or its creator was blocked)."),
            new Rule(Cause.NETWORK, List.of("could not resolve hostname", "connection refused", "connection timed out", "no route to host", "network is unreachable", "connection closed by"),
                    "Cannot reach the GitLab SSH endpoint: check the host, port, VPN or firewall."));

    private GitErrorExplainer() {}

    public static Explanation explain(String gitStderr) {
        String lower = gitStderr == null ? "" : gitStderr.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.needles().stream().anyMatch(lower::contains)) {
                return new Explanation(rule.cause(), rule.sentence());
            }
        }
        String firstLine = lower.isBlank() ? "git failed without a message" : lastMeaningfulLine(gitStderr);
        return new Explanation(Cause.OTHER, "git failed: " + firstLine);
    }

    private static String lastMeaningfulLine(String stderr) {
        return stderr.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("fatal: Could not read from remote repository")
                        && !l.startsWith("Please make sure you have the correct access rights")
                        && !l.startsWith("and the repository exists"))
                .reduce((a, b) -> a.startsWith("fatal:") ? a : b)
                .orElse(stderr.strip());
    }
}
