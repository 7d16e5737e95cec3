package dev.dkm.ui;

import dev.dkm.instances.InstanceSelector;
import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.time.Instant;
import java.util.Optional;

/** The words for what GitLab says about a repository's key: a headline, a second line, and both as one sentence. */
final class ServerStatusTexts {
    static final String CHECKING = "checking…";
    static final String NOT_CHECKED = "not checked";

    /**
     * @param tone how it reads: OK (enabled, can push), INFO (read-only), WARNING (key not enabled),
     *             PROBLEM (could not check), MUTED (nothing to say)
     */
    record Lines(String headline, String detail, Tone tone, String sentence) {
        Lines(String headline, String detail, Tone tone) {
            this(headline, detail, tone, detail.isEmpty() ? headline : headline + " · " + detail);
        }
    }

    enum Tone { OK, INFO, WARNING, PROBLEM, MUTED }

    private ServerStatusTexts() {}

    static Lines of(RepoInfo repo, Optional<ServerKeyStatus> status, boolean busy) {
        if (status.isEmpty()) {
            return new Lines(busy ? CHECKING : NOT_CHECKED, "", Tone.MUTED);
        }
        ServerKeyStatus s = status.get();
        return switch (s.state()) {
            case ENABLED -> {
                String access = Boolean.TRUE.equals(s.canPush()) ? "can push" : "read-only";
                yield new Lines(access, expiry(s.expiresAt()), Boolean.TRUE.equals(s.canPush()) ? Tone.OK : Tone.INFO,
                        "deploy key · " + access + " · " + expiry(s.expiresAt()));
            }
            case NOT_ENABLED -> new Lines("key not enabled", "on " + (s.project() == null ? "the project" : s.project()), Tone.WARNING,
                    "key not enabled on " + (s.project() == null ? "the project" : s.project()));
            case NO_KEY -> new Lines("no own key", "", Tone.MUTED, "no key of its own (token, default key or HTTPS)");
            case NO_INSTANCE -> new Lines("no instance", "for " + host(repo), Tone.MUTED,
                    "no GitLab instance configured for " + host(repo));
            case NOT_GITLAB -> new Lines(RepoTexts.NONE, "", Tone.MUTED);
            case ERROR -> new Lines("could not check", s.detail() == null ? "" : s.detail(), Tone.PROBLEM);
        };
    }

    private static String expiry(Instant expiresAt) {
        return expiresAt == null ? "no expiry" : "expires " + expiresAt.toString().substring(0, 10);
    }

    /** The host of the repository's primary remote, for "no GitLab instance configured for HOST". */
    static String host(RepoInfo repo) {
        return repo.primaryRemote().map(RemoteInfo::host).orElse("this host");
    }

    /** The web URL the remote most likely belongs to, with its real scheme, host and port (for "Add instance…"). */
    static String webUrl(RepoInfo repo) {
        return repo.primaryRemote().filter(r -> r.host() != null)
                .map(r -> InstanceSelector.remoteUrl(r.scheme(), r.host(), r.port())).orElse("https://");
    }
}
