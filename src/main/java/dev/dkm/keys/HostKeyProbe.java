package dev.dkm.keys;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * Asks an SSH server for its host key of one type, the way {@code ssh-keyscan -t TYPE} does: key exchange only,
 * the key is captured and the connection is refused by us before any authentication.
 */
public final class HostKeyProbe implements HostKeyFetcher {
    private final Duration timeout;

    public HostKeyProbe(Duration timeout) {
        this.timeout = timeout;
        CryptoProviders.ensureBouncyCastle();
    }

    /** @param keyType a known_hosts key type: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa} … */
    @Override
    public SshPublicKey fetch(String host, int port, String keyType) throws IOException {
        CompletableFuture<PublicKey> captured = new CompletableFuture<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setSignatureFactories(signaturesFor(keyType));
        // The key exchange only carries the host key here: the cheapest one first. MINA's default order starts with
        // sntrup761x25519, whose pure-Java implementation was most of a bulk run's own CPU (JFR of dkm convert).
        List<org.apache.sshd.common.kex.KeyExchangeFactory> kex = new java.util.ArrayList<>(client.getKeyExchangeFactories());
        kex.sort(java.util.Comparator.comparingInt(f -> f.getName().startsWith("curve25519-sha256") ? 0 : 1));
        client.setKeyExchangeFactories(kex);
        client.setServerKeyVerifier((session, address, key) -> {
            captured.complete(key);
            return false; // we only wanted to see it
        });
        client.start();
        try (ClientSession session = client.connect("dkm-probe", host, port)
                .verify(timeout.toMillis(), TimeUnit.MILLISECONDS).getSession()) {
            // A server without a key of this type ends the key exchange at once ("unable to negotiate"): say so
            // then, instead of waiting the whole timeout for a key that will not come.
            session.addCloseFutureListener(f -> captured.completeExceptionally(new TypeNotOfferedException(host, port, keyType)));
            PublicKey key = captured.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return SshPublicKey.parse(PublicKeyEntry.toString(key));
        } catch (TimeoutException e) {
            throw new IOException("no " + keyType + " host key from " + host + ":" + port + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TypeNotOfferedException notOffered) {
                throw notOffered;
            }
            throw new IOException("cannot read the host key of " + host + ":" + port + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the host key of " + host + ":" + port, e);
        } catch (IOException e) {
            if (captured.isDone()) {
                return SshPublicKey.parse(PublicKeyEntry.toString(captured.getNow(null)));
            }
            throw new IOException("cannot reach SSH at " + host + ":" + port + ": " + e.getMessage(), e);
        } finally {
            client.stop();
        }
    }

    /** The server ended the key exchange: it has no host key of the type asked for. */
    public static final class TypeNotOfferedException extends IOException {
        private static final long serialVersionUID = 1L;

        TypeNotOfferedException(String host, int port, String keyType) {
            super(host + ":" + port + " offers no " + keyType + " host key");
        }
    }

    static List<NamedFactory<Signature>> signaturesFor(String keyType) {
        List<BuiltinSignatures> sigs = switch (keyType) {
            case "ssh-ed25519" -> List.of(BuiltinSignatures.ed25519);
            case "ecdsa-sha2-nistp256" -> List.of(BuiltinSignatures.nistp256);
            case "ecdsa-sha2-nistp384" -> List.of(BuiltinSignatures.nistp384);
            case "ecdsa-sha2-nistp521" -> List.of(BuiltinSignatures.nistp521);
            case "ssh-rsa" -> List.of(BuiltinSignatures.rsaSHA512, BuiltinSignatures.rsaSHA256, BuiltinSignatures.rsa);
            default -> throw new IllegalArgumentException("unsupported host key type " + keyType);
        };
        return List.copyOf(sigs);
    }
}
