import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dkm.keys.Ed25519KeyGenerator;
import dev.dkm.keys.HostKeyProbe;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;

/**
 * Run by installer/smoke-test.sh with the packaged runtime (lib/runtime/bin/java, the app's jars on the
 * classpath): exercises what the jlink module list must carry. Ed25519 keys (MINA + Bouncy Castle), an SSH
 * key exchange with a MINA server on loopback, TLS with an EC certificate through jdk.httpserver, java.net.http
 * and OkHttp, the keyring library failing the expected way without a Secret Service, preferences, charsets.
 * A missing module shows up here as NoClassDefFoundError or "no such algorithm". Argument: a PKCS12 keystore
 * (password changeit) holding an EC key pair for localhost.
 */
public class RuntimeCheck {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("rtcheck");
        // 1. Ed25519 key files with MINA + Bouncy Castle
        var files = new Ed25519KeyGenerator().generateInto(dir.resolve("keys/id_test"), "rtcheck");
        System.out.println("ed25519 key: " + files.publicKey().fingerprintSha256());
        // 2. SSH: MINA server on loopback, our host key probe (kex only)
        KeyPair host = new Ed25519KeyGenerator().generate();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(host));
        server.start();
        var probed = new HostKeyProbe(Duration.ofSeconds(20)).fetch("127.0.0.1", server.getPort(), "ssh-ed25519");
        System.out.println("ssh host key probe: " + probed.fingerprintSha256());
        server.stop(true);
        // 3. TLS with an EC certificate: jdk.httpserver's HttpsServer + java.net.http client
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(a[0])) { ks.load(in, pw); }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        https.createContext("/api/v4/version", ex -> {
            byte[] body = "{\"version\":\"17.0.0\"}".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
        var resp = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + https.getAddress().getPort() + "/api/v4/version")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("https (EC cert, " + resp.sslSession().map(s -> s.getProtocol() + " " + s.getCipherSuite()).orElse("?") + "): " + resp.body());
        https.stop(0);
        // 4. OkHttp over the same TLS
        var ok = new okhttp3.OkHttpClient.Builder()
                .sslSocketFactory(ssl.getSocketFactory(), (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0]).build();
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        https.createContext("/", ex -> { ex.sendResponseHeaders(204, -1); ex.close(); });
        https.start();
        try (var r = ok.newCall(new okhttp3.Request.Builder().url("https://localhost:" + https.getAddress().getPort() + "/").build()).execute()) {
            System.out.println("okhttp https: " + r.code() + " " + r.handshake().tlsVersion() + " " + r.handshake().cipherSuite());
        }
        https.stop(0);
        // 5. keyring: with no Secret Service it must fail with the library's exception, not a missing class
        try {
            com.github.javakeyring.Keyring.create().close();
            System.out.println("keyring: available");
        } catch (Exception e) {
            System.out.println("keyring: " + e.getClass().getSimpleName() + " (expected without a Secret Service)");
        }
        // 6. prefs, charsets, locale data
        java.util.prefs.Preferences.userRoot().node("dkm-rtcheck").removeNode();
        if (!java.nio.charset.Charset.isSupported("IBM1047")) {
            throw new IllegalStateException("jdk.charsets is missing");
        }
        System.out.println("prefs and extended charsets: ok");
        System.out.println("runtime check: all ok");
        System.exit(0);
    }
}
