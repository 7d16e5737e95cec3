package dev.dkm.workspace;

import dev.dkm.remote.RemoteKind;
import java.util.List;
import java.util.Optional;

/**
 * Sums a repository up in one status and one human line. Order matters: a token anywhere outranks
 * everything (it is the thing to fix), then SSH wiring, then plain HTTPS, then local remotes.
 */
final class StatusDecider {
    /** A status with the sentence that explains it. */
    record Verdict(RepoStatus status, String reason) {}

    private StatusDecider() {}

    static Verdict decide(List<RemoteInfo> remotes, SshCommandInfo ssh) {
        if (remotes.isEmpty()) {
            return new Verdict(RepoStatus.NO_REMOTE, "no remote configured");
        }
        Optional<Verdict> token = tokenVerdict(remotes);
        if (token.isPresent()) {
            return token.get();
        }
        Optional<RemoteInfo> sshRemote = first(remotes, RemoteKind.SSH);
        if (sshRemote.isPresent()) {
            return sshVerdict(sshRemote.get(), ssh);
        }
        Optional<RemoteInfo> https = first(remotes, RemoteKind.HTTPS);
        if (https.isPresent()) {
            List<String> helpers = https.get().otherHelpers();
            return new Verdict(RepoStatus.HTTPS_NO_TOKEN, https.get().name() + " uses HTTPS without a token in its URL ("
                    + (helpers.isEmpty() ? "credential helper or prompt" : "credentials from " + String.join(", ", helpers)) + ")");
        }
        RemoteInfo local = remotes.get(0);
        String where = local.kind() == RemoteKind.FILE ? "a local path" : "a non-GitLab URL";
        return new Verdict(RepoStatus.LOCAL_REMOTE, local.name() + " points at " + where + " (" + local.effectiveUrl() + ")");
    }

    private static Optional<Verdict> tokenVerdict(List<RemoteInfo> remotes) {
        long count = remotes.stream().mapToLong(r -> r.tokens().size()).sum();
        String more = count > 1 ? " (+" + (count - 1) + " more)" : "";
        // A token in a URL first: it is the one the user sees and the one conversion rewrites.
        for (RemoteInfo r : remotes) {
            for (FoundToken t : r.tokens()) {
                if (t.inUrl()) {
                    return Optional.of(new Verdict(RepoStatus.TOKEN_IN_URL, r.name() + " carries " + article(t)
                            + " (" + t.secret().redacted() + ") " + where(t) + more));
                }
            }
        }
        for (RemoteInfo r : remotes) {
            for (FoundToken t : r.tokens()) {
                return Optional.of(new Verdict(RepoStatus.TOKEN_IN_CREDENTIALS, r.name() + " authenticates with "
                        + article(t) + " (" + t.secret().redacted() + ") " + where(t) + more));
            }
        }
        return Optional.empty();
    }

    private static Verdict sshVerdict(RemoteInfo remote, SshCommandInfo ssh) {
        String name = remote.name();
        if (!ssh.isSet()) {
            return new Verdict(RepoStatus.SSH_DEFAULT_KEY, name + " uses SSH with ssh's default key (no core.sshCommand)");
        }
        if (ssh.identityFiles().isEmpty()) {
            return new Verdict(RepoStatus.SSH_DEFAULT_KEY,
                    name + " uses SSH; core.sshCommand names no identity file, so ssh picks its default key");
        }
        for (KeyFileInfo key : ssh.identityFiles()) {
            if (!key.exists()) {
                return new Verdict(RepoStatus.KEY_MISSING,
                        "core.sshCommand names " + key.written() + ", which does not exist");
            }
        }
        KeyFileInfo key = ssh.identityFiles().get(0);
        String warning = key.tooOpen() ? "; but its permissions " + key.permissions() + " are too open for ssh" : "";
        return new Verdict(RepoStatus.WIRED, name + " uses SSH with key " + key.written() + warning);
    }

    private static Optional<RemoteInfo> first(List<RemoteInfo> remotes, RemoteKind kind) {
        return remotes.stream().filter(r -> r.kind() == kind).findFirst();
    }

    private static String article(FoundToken t) {
        return switch (t.kind()) {
            case PERSONAL -> "a personal access token";
            case DEPLOY -> "a deploy token";
            case JOB -> "a CI job token";
            case OAUTH -> "an OAuth token";
            default -> "a password or token";
        };
    }

    private static String where(FoundToken t) {
        String place = switch (t.location()) {
            case "pushurl" -> "in its push URL";
            case "insteadOf" -> "in an insteadOf rule";
            case "extraHeader" -> "in an http.extraHeader";
            case "credential-store" -> "from the credential store " + t.file();
            default -> "in its URL";
        };
        boolean elsewhere = t.origin() != null && !t.origin().equals("config") && !t.location().equals("credential-store");
        return elsewhere ? place + " (" + t.origin() + ")" : place;
    }
}
