package org.jumpdesk.agent;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, by its SHA-256 fingerprint, which the installer carries. The pin
 * replaces certificate authorities and host names: a site may use its self-signed certificate under any
 * address, and nothing else is accepted even if a public authority signed it.
 */
final class PinnedCertificate implements X509TrustManager {

    private final byte[] fingerprint;

    PinnedCertificate(byte[] fingerprint) {
        this.fingerprint = fingerprint.clone();
    }

    static SSLContext sslContext(byte[] fingerprint) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedCertificate(fingerprint)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is required by every Java SE platform", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the site presented no certificate");
        }
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
        if (!MessageDigest.isEqual(actual, fingerprint)) {
            throw new CertificateException("the site certificate (SHA-256 " + hex(actual)
                    + ") does not match the pinned certificate (SHA-256 " + hex(fingerprint) + ")");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the agent does not accept connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
