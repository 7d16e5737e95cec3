package dev.dkm.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Tokens in the OS keyring (java-keyring): service {@code dkm}, account = the instance's base URL. */
public final class KeyringTokenStore implements TokenStore {
    static final String SERVICE = "dkm";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PROBE_ACCOUNT = "dkm-availability-probe";

    private final KeyringStorageType type;

    private KeyringTokenStore(KeyringStorageType type) {
        this.type = type;
    }

    /**
     * Checks that the keyring answers (a lookup of an account that does not exist). Throws
     * {@link KeyringUnavailableException} when there is no backend (no Secret Service on the session bus)
     * or it fails in any other way.
     */
    public static KeyringTokenStore open() throws KeyringUnavailableException {
        try {
            return new KeyringTokenStore(withKeyring(keyring -> {
                try {
                    keyring.getPassword(SERVICE, PROBE_ACCOUNT);
                } catch (PasswordAccessException e) {
                    if (!isNotFound(e)) {
                        throw e;
                    }
                }
                return keyring.getKeyringStorageType();
            }));
        } catch (BackendNotSupportedException e) {
            throw new KeyringUnavailableException("no keyring available", e);
        } catch (Exception | LinkageError e) {
            throw new KeyringUnavailableException("the keyring did not answer", e);
        }
    }

    @Override
    public Optional<Secret> read(String instanceUrl) {
        try {
            return withKeyring(keyring -> {
                try {
                    String value = keyring.getPassword(SERVICE, account(instanceUrl));
                    return value == null || value.isEmpty() ? Optional.<Secret>empty() : Optional.of(Secret.of(value));
                } catch (PasswordAccessException e) {
                    if (isNotFound(e)) {
                        return Optional.<Secret>empty();
                    }
                    throw e;
                }
            });
        } catch (Exception e) {
            throw new TokenStorageException("cannot read the token for " + instanceUrl + " from the keyring", e);
        }
    }

    @Override
    public void store(String instanceUrl, Secret token) {
        try {
            withKeyring(keyring -> {
                keyring.setPassword(SERVICE, account(instanceUrl), token.reveal());
                return null;
            });
        } catch (Exception e) {
            // no cause: we cannot vouch that a backend's message leaves the value out
            throw new TokenStorageException("cannot store the token for " + instanceUrl + " in the keyring: "
                    + e.getClass().getSimpleName(), null);
        }
    }

    @Override
    public boolean delete(String instanceUrl) {
        if (read(instanceUrl).isEmpty()) {
            return false;
        }
        try {
            withKeyring(keyring -> {
                keyring.deletePassword(SERVICE, account(instanceUrl));
                return null;
            });
            return true;
        } catch (Exception e) {
            throw new TokenStorageException("cannot delete the token for " + instanceUrl + " from the keyring", e);
        }
    }

    private interface KeyringWork<T> {
        T run(Keyring keyring) throws Exception;
    }

    /**
     * One keyring connection per operation: the D-Bus connection holds a non-daemon thread, so a store kept
     * open for the whole run would keep the JVM alive after main returns. Bounded in time: a locked keyring
     * on a machine without a display waits for an unlock prompt nobody can answer.
     */
    private static <T> T withKeyring(KeyringWork<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            try (Keyring keyring = Keyring.create()) {
                return work.run(keyring);
            }
        });
        Thread thread = new Thread(task, "dkm-keyring");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new TimeoutException("the keyring did not answer within " + TIMEOUT.toSeconds() + " s (locked?)");
        }
    }

    @Override
    public String storageDescription() {
        return "OS keyring (" + switch (type) {
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        } + ")";
    }

    @Override
    public boolean isKeyring() {
        return true;
    }

    static String account(String instanceUrl) {
        return InstanceSettings.normalizeUrl(instanceUrl);
    }

    /** java-keyring reports "no such entry" and "cannot talk to the keyring" with the same exception type. */
    private static boolean isNotFound(PasswordAccessException e) {
        String m = e.getMessage();
        return m != null && (m.contains("No stored credentials") || m.toLowerCase().contains("not found"));
    }
}
