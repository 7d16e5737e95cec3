package dev.dkm.remote;

/** What kind of GitLab credential a token in a URL is, from its prefix or its user name (reference §7). */
public enum TokenKind {
    NONE("none"),
    PERSONAL("personal"),
    DEPLOY("deploy"),
    JOB("job"),
    OAUTH("oauth"),
    UNKNOWN("unknown");

    private final String id;

    TokenKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
