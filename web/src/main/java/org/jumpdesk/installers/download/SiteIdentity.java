package org.jumpdesk.installers.download;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.jumpdesk.protocol.CertificateFingerprint;

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
            return CertificateFingerprint.of("localhost", httpsPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this site's certificate on port " + httpsPort(), e);
        }
    }
}
