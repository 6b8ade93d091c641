package org.jumpdesk.installers.download;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What an installer package must know about the site: the addresses agents dial and the SHA-256 of the
 * certificate they pin. The addresses are {@code JUMPDESK_AGENT_URLS} (space or comma separated, for
 * sites behind a load balancer or with several names), else the host the download was asked from on this
 * node's HTTPS port. The fingerprint is read off this node's own HTTPS listener, so it is the certificate
 * agents will really see (every node of a cluster must present the same one).
 */
@ApplicationScoped
public class SiteIdentity {

    private volatile String fingerprint;

    public List<URI> agentAddresses(String requestHost) {
        String configured = System.getenv("JUMPDESK_AGENT_URLS");
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.trim().split("[\\s,]+"))
                    .map(URI::create)
                    .toList();
        }
        return List.of(URI.create("wss://" + requestHost + ":" + httpsPort() + "/agent"));
    }

    public String certificateFingerprint() {
        String known = fingerprint;
        if (known == null) {
            known = readFingerprint();
            fingerprint = known;
        }
        return known;
    }

    private static int httpsPort() {
        return Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    private static String readFingerprint() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", httpsPort())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                byte[] certificate =
                        socket.getSession().getPeerCertificates()[0].getEncoded();
                return HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this site's certificate on port " + httpsPort(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read this site's certificate", e);
        }
    }

    /** Accepts the certificate only to read it: nothing is trusted or sent over this connection. */
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
