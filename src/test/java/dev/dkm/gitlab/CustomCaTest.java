package dev.dkm.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dkm.remote.Secret;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A self-managed instance with a private CA: trusted only when its PEM bundle is configured, on top of the
 * JDK's trust, and hostname verification still applies.
 */
class CustomCaTest {
    @TempDir static Path dir;
    static MockWebServer server;
    static Path bundle;

    @BeforeAll
    static void serveHttpsWithAPrivateCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        // a bundle of several certificates, ours last (the other one: any CA the JDK ships)
        bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, pem(CompositeTrust.jdkDefault().getAcceptedIssuers()[0]) + pem(ks.getCertificate("server")));

        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = new MockWebServer();
        server.useHttps(tls.getSocketFactory(), false);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.shutdown();
    }

    private static String pem(java.security.cert.Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    }

    private static GitLabClient client(String url, Path caFile) {
        return GitLabClient.create(GitLabClientConfig.builder(url, Secret.of("glpat-x"))
                .caFile(caFile).retry(RetryPolicy.none()).shareInstanceLimits(false).build());
    }

    @Test
    void untrustedCertificateIsATlsError() {
        try (GitLabClient c = client("https://localhost:" + server.getPort(), null)) {
            GitLabException e = catchThrowableOfType(GitLabException.class, c::version);
            assertThat(e.kind()).isEqualTo(GitLabErrorKind.TLS);
            assertThat(e.userMessage("gitlab.corp")).contains("add the instance's CA certificate");
        }
    }

    @Test
    void theBundleAddsTrust() {
        server.enqueue(new MockResponse().setBody("{\"version\":\"17.5.0\"}"));
        try (GitLabClient c = client("https://localhost:" + server.getPort(), bundle)) {
            assertThat(c.version().version()).isEqualTo("17.5.0");
        }
    }

    @Test
    void hostnameVerificationStillApplies() {
        // the certificate names localhost only; reaching the same server by IP must fail even though it is trusted
        try (GitLabClient c = client("https://127.0.0.1:" + server.getPort(), bundle)) {
            GitLabException e = catchThrowableOfType(GitLabException.class, c::version);
            assertThat(e.kind()).isEqualTo(GitLabErrorKind.TLS);
        }
    }

    @Test
    void theJdkDefaultTrustIsKept() throws Exception {
        CompositeTrust trust = CompositeTrust.withBundle(bundle);
        assertThat(trust.getAcceptedIssuers().length).isEqualTo(CompositeTrust.jdkDefault().getAcceptedIssuers().length + 2);
    }
}
