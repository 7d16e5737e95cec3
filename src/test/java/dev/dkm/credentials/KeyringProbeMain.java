package dev.dkm.credentials;

import dev.dkm.remote.Secret;

/**
 * Run by {@link KeyringTokenStoreIT} in a child JVM inside a private D-Bus session with gnome-keyring:
 * {@code store|read|delete URL}. The token comes from the environment and is never printed.
 */
public final class KeyringProbeMain {
    private KeyringProbeMain() {}

    public static void main(String[] args) throws Exception {
        KeyringTokenStore store = KeyringTokenStore.open();
        String url = args[1];
        switch (args[0]) {
            case "store" -> {
                store.store(url, Secret.of(System.getenv("DKM_PROBE_TOKEN")));
                System.out.println("stored in: " + store.storageDescription());
            }
            case "read" -> System.out.println("read: " + store.read(url)
                    .map(t -> t.reveal().equals(System.getenv("DKM_PROBE_TOKEN")) ? "same token" : "other token")
                    .orElse("none"));
            case "delete" -> System.out.println("deleted: " + store.delete(url));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
