package org.jumpdesk.protocol;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The SHA-256 fingerprint agents pin, as the site and installers write it ({@code AB:CD:…}, upper case),
 * read off a TLS listener by one handshake that trusts and sends nothing.
 */
public final class CertificateFingerprint {

    private CertificateFingerprint() {}

    /**
     * The fingerprint of the certificate the listener presents.
     *
     * @throws IOException when the listener cannot be reached or the handshake fails
     */
    public static String of(String host, int port) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                byte[] certificate =
                        socket.getSession().getPeerCertificates()[0].getEncoded();
                return HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate of " + host + ":" + port, e);
        }
    }

    /** Accepts any certificate only to read it: nothing is trusted or sent over this connection. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
