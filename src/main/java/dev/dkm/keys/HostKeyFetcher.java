package dev.dkm.keys;

import java.io.IOException;

/** Reads a server's host key of one type. {@link HostKeyProbe} does it over the network. */
@FunctionalInterface
public interface HostKeyFetcher {
    SshPublicKey fetch(String host, int port, String keyType) throws IOException;
}
