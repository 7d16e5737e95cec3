package dev.dkm.workspace;

/** One-word summary of how a repository authenticates to its remotes; drives the badge and the filters. */
public enum RepoStatus {
    /** A token or password sits in a remote URL, a push URL or an insteadOf rule. */
    TOKEN_IN_URL("token-in-url"),
    /**
     * git sends a token that is not in a URL: an {@code http.extraHeader} (in any config file git reads) or a
     * {@code git credential-store} entry.
     */
    TOKEN_IN_CREDENTIALS("token-in-credentials"),
    /** SSH remote and {@code core.sshCommand} names an identity file that exists. */
    WIRED("wired"),
    /** {@code core.sshCommand} names an identity file that does not exist (or cannot be read). */
    KEY_MISSING("key-missing"),
    /** SSH remote with no {@code core.sshCommand}: whatever key ssh picks by default. */
    SSH_DEFAULT_KEY("ssh-default-key"),
    /** HTTPS remote without a secret in it (credential helper or prompt). */
    HTTPS_NO_TOKEN("https-no-token"),
    /** Only file:// or other non-network remotes. */
    LOCAL_REMOTE("local-remote"),
    NO_REMOTE("no-remote"),
    /** The repository could not be read; {@link RepoInfo#statusReason()} says why. */
    ERROR("error");

    private final String id;

    RepoStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
