package dev.dkm.keys;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an SSH endpoint's host key is trusted, as ssh would with the given known_hosts file. ssh prefers
 * the key types it already knows for a host, so each known type is probed; with none known, Ed25519 is asked for.
 * Never accepts anything silently: unknown keys are reported for the user to confirm, changed keys stop the work.
 */
public final class HostKeyVerifier {
    /** Host keys their operators publish (gitlab-api.md §8), by host name. */
    public static final Map<String, Set<String>> PUBLISHED_FINGERPRINTS = Map.of(
            "gitlab.com", Set.of(
                    "SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8",
                    "SHA256:ROQFvPThGrW4RuWLoL9tq9I9zJ42fK4XywyRtbOz/EQ",
                    "SHA256:HbW3g8zUjNSksFbqTiUWPWg2Bq1x8xdGUrliXFzSnUw"));

    private static final String PREFERRED_TYPE = "ssh-ed25519";
    /** What is asked for when none of the known types is offered any more. */
    private static final List<String> OTHER_TYPES = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa");

    /** How long a server's presented key is remembered: long enough for a bulk run over one host, no longer. */
    private static final java.time.Duration PROBE_MEMORY = java.time.Duration.ofMinutes(5);

    private record Probed(SshPublicKey key, java.time.Instant at) {}

    private final KnownHostsFile knownHosts;
    private final HostKeyFetcher probe;
    // Only the network probe is remembered; known_hosts is read afresh on every check, so trust shows at once.
    private final java.util.Map<String, Probed> probed = new java.util.concurrent.ConcurrentHashMap<>();

    public HostKeyVerifier(KnownHostsFile knownHosts, HostKeyFetcher probe) {
        this.knownHosts = knownHosts;
        this.probe = probe;
    }

    public KnownHostsFile knownHosts() {
        return knownHosts;
    }

    public HostKeyStatus check(String host, int port) {
        List<KnownHostsFile.Entry> entries;
        try {
            entries = knownHosts.lookup(host, port);
        } catch (IOException e) {
            return new HostKeyStatus(HostKeyStatus.State.UNREACHABLE, host, port, null, null,
                    "cannot read " + knownHosts.path() + ": " + e.getMessage());
        }
        Set<String> knownTypes = new LinkedHashSet<>();
        entries.stream().filter(e -> !e.revoked()).forEach(e -> knownTypes.add(e.key().type()));
        List<String> typesToProbe = knownTypes.isEmpty() ? List.of(PREFERRED_TYPE) : new ArrayList<>(knownTypes);

        SshPublicKey presented = null;
        String lastError = null;
        boolean offeredNone = true;
        for (String type : typesToProbe) {
            try {
                presented = fetchRemembered(host, port, type);
            } catch (HostKeyProbe.TypeNotOfferedException e) {
                lastError = e.getMessage();
                continue;
            } catch (IOException e) {
                lastError = e.getMessage();
                offeredNone = false; // unreachable, not a question of type
                continue;
            }
            HostKeyStatus judged = judge(host, port, presented, entries);
            if (judged != null) {
                return judged;
            }
        }
        if (presented == null && !knownTypes.isEmpty() && offeredNone) {
            // known_hosts knows this host only by key types it no longer offers: what does it offer now?
            for (String type : OTHER_TYPES) {
                if (knownTypes.contains(type)) {
                    continue;
                }
                try {
                    SshPublicKey now = fetchRemembered(host, port, type);
                    KnownHostsFile.Entry known = entries.stream().filter(e -> !e.revoked()).findFirst().orElseThrow();
                    return new HostKeyStatus(HostKeyStatus.State.CHANGED, host, port, now, known.key(),
                            "WARNING: the host key of " + KnownHostsFile.hostToken(host, port) + " HAS CHANGED: known_hosts has "
                                    + String.join(", ", knownTypes) + " key " + known.key().fingerprintSha256()
                                    + ", the server no longer offers that type and presented " + now.type() + " "
                                    + now.fingerprintSha256() + ". This may be an attack; nothing was changed.");
                } catch (IOException e) {
                    lastError = e.getMessage();
                }
            }
        }
        if (presented == null) {
            return new HostKeyStatus(HostKeyStatus.State.UNREACHABLE, host, port, null, null, lastError);
        }
        if (PUBLISHED_FINGERPRINTS.getOrDefault(host, Set.of()).contains(presented.fingerprintSha256())) {
            return new HostKeyStatus(HostKeyStatus.State.PUBLISHED, host, port, presented, null,
                    host + " presented its published " + presented.type() + " key " + presented.fingerprintSha256());
        }
        return new HostKeyStatus(HostKeyStatus.State.UNKNOWN, host, port, presented, null,
                "the host key of " + KnownHostsFile.hostToken(host, port) + " is not known yet: "
                        + presented.type() + " " + presented.fingerprintSha256());
    }

    private SshPublicKey fetchRemembered(String host, int port, String type) throws IOException {
        String key = host + ":" + port + " " + type;
        // One probe however many jobs check the same endpoint at once (a bulk run's first repositories all do): the
        // others wait for its answer instead of each opening a connection and a key exchange of its own.
        synchronized (probing.computeIfAbsent(key, k -> new Object())) {
            Probed known = probed.get(key);
            if (known != null && known.at().plus(PROBE_MEMORY).isAfter(java.time.Instant.now())) {
                return known.key();
            }
            SshPublicKey fresh = probe.fetch(host, port, type);
            probed.put(key, new Probed(fresh, java.time.Instant.now()));
            return fresh;
        }
    }

    private final java.util.Map<String, Object> probing = new java.util.concurrent.ConcurrentHashMap<>();

    /** Records the user's (or the publisher's) trust in {@code key} for this host. */
    public void trust(String host, int port, SshPublicKey key) throws IOException {
        knownHosts.add(host, port, key);
    }

    private static HostKeyStatus judge(String host, int port, SshPublicKey presented, List<KnownHostsFile.Entry> entries) {
        for (KnownHostsFile.Entry e : entries) {
            if (e.revoked() && e.key().sameKeyAs(presented)) {
                return new HostKeyStatus(HostKeyStatus.State.CHANGED, host, port, presented, null,
                        "the host key " + presented.fingerprintSha256() + " of " + host + " is marked @revoked in known_hosts");
            }
        }
        for (KnownHostsFile.Entry e : entries) {
            if (!e.revoked() && e.key().sameKeyAs(presented)) {
                return new HostKeyStatus(HostKeyStatus.State.TRUSTED, host, port, presented, e.key(),
                        "host key " + presented.fingerprintSha256() + " is trusted in known_hosts");
            }
        }
        for (KnownHostsFile.Entry e : entries) {
            if (!e.revoked() && e.key().type().equals(presented.type())) {
                return new HostKeyStatus(HostKeyStatus.State.CHANGED, host, port, presented, e.key(),
                        "WARNING: the host key of " + KnownHostsFile.hostToken(host, port) + " HAS CHANGED: known_hosts has "
                                + e.key().fingerprintSha256() + ", the server presented " + presented.fingerprintSha256()
                                + ". This may be an attack; nothing was changed.");
            }
        }
        return null;
    }
}
