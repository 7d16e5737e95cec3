package dev.dkm.keys;

/**
 * What we know about a server's host key before anything connects for real.
 *
 * @param presented   the key the server presented (null when unreachable)
 * @param expected    for CHANGED: a key known_hosts has for this host and type
 * @param detail      one line for people
 */
public record HostKeyStatus(State state, String host, int port, SshPublicKey presented, SshPublicKey expected, String detail) {
    public enum State {
        /** known_hosts already trusts the presented key. */
        TRUSTED,
        /** Not in known_hosts, but it is a key the host's operator published (gitlab.com): safe to add. */
        PUBLISHED,
        /** Never seen: show the fingerprint and ask. */
        UNKNOWN,
        /** known_hosts has another key of the same type, or this key is revoked: stop everything. */
        CHANGED,
        /** Could not connect to read it. */
        UNREACHABLE
    }

    public String fingerprint() {
        return presented == null ? null : presented.fingerprintSha256();
    }

    public boolean safeToProceed() {
        return state == State.TRUSTED;
    }
}
