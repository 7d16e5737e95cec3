package dev.dkm.remote;

/** How a remote URL authenticates, as far as the URL alone tells. */
public enum RemoteKind {
    SSH("ssh"),
    HTTPS("https"),
    HTTPS_TOKEN("https-token"),
    FILE("file"),
    OTHER("other");

    private final String id;

    RemoteKind(String id) {
        this.id = id;
    }

    /** The stable name used in JSON, the CLI and CSS style classes. */
    public String id() {
        return id;
    }
}
