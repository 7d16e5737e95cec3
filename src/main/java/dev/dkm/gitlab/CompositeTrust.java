package dev.dkm.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's default trust plus the certificates of an instance's CA bundle (a PEM file with one or more
 * certificates). The default is asked first; the bundle only adds trust, it never replaces or disables
 * anything, and hostname verification stays OkHttp's.
 */
final class CompositeTrust implements X509TrustManager {
    private final X509TrustManager jdk;
    private final X509TrustManager custom;

    private CompositeTrust(X509TrustManager jdk, X509TrustManager custom) {
        this.jdk = jdk;
        this.custom = custom;
    }

    static CompositeTrust withBundle(Path pemFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate in " + pemFile);
            }
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("dkm-ca-" + i++, c);
            }
        }
        return new CompositeTrust(trustManager(null), trustManager(store));
    }

    /** The JDK default trust manager (cacerts, or javax.net.ssl.trustStore). */
    static X509TrustManager jdkDefault() throws GeneralSecurityException {
        return trustManager(null);
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            jdk.checkServerTrusted(chain, authType);
        } catch (CertificateException notInDefault) {
            custom.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            jdk.checkClientTrusted(chain, authType);
        } catch (CertificateException notInDefault) {
            custom.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>(List.of(jdk.getAcceptedIssuers()));
        all.addAll(List.of(custom.getAcceptedIssuers()));
        return all.toArray(X509Certificate[]::new);
    }
}
