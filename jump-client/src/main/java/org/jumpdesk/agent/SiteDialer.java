package org.jumpdesk.agent;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens WebSocket connections to the site the way the agent always does: pinned TLS (when a fingerprint is
 * given), a connect timeout.
 */
final class SiteDialer {

    private SiteDialer() {}

    /** A new Tyrus client per connection: Tyrus shuts a client's executors down when its connection closes. */
    static Session dial(Endpoint endpoint, URI address, AgentOptions options) throws DeploymentException, IOException {
        return dial(endpoint, address, options, options.connectTimeout());
    }

    /** As {@link #dial(Endpoint, URI, AgentOptions)}, waiting {@code handshakeTimeout} for the handshake. */
    static Session dial(Endpoint endpoint, URI address, AgentOptions options, Duration handshakeTimeout)
            throws DeploymentException, IOException {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, handshakeTimeout.toMillis());
        if (address.getScheme().equalsIgnoreCase("wss") && options.certificateFingerprint() != null) {
            SslEngineConfigurator tls = new SslEngineConfigurator(
                    PinnedCertificate.sslContext(options.certificateFingerprint()), true, false, false);
            // The pinned certificate stands in for host name checks: agents often reach the site by IP.
            tls.setHostVerificationEnabled(false);
            client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
        }
        // Without a pinned certificate (an attended customer's temporary client given only the site's
        // address) Tyrus checks the certificate against the system's trusted authorities and the host name.
        return client.connectToServer(
                endpoint, ClientEndpointConfig.Builder.create().build(), address);
    }
}
