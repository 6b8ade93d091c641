package org.jumpdesk.pinning.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted pin request: what the customer's client needs to install itself. The installer key exists
 * only here and in the message to the client; the database keeps its SHA-256.
 *
 * @param ask whether the customer is asked first (the session policy of the group, else the site's)
 * @param serviceMode whether the client installs in service mode (the customer's client runs as root)
 */
public record PinTicket(
        UUID pinId,
        UUID customerId,
        String representative,
        UUID installerId,
        String installerKey,
        Instant validUntil,
        boolean serviceMode,
        String jumpGroup,
        String tag,
        String comments,
        boolean ask) {

    @Override
    public String toString() {
        return "PinTicket[" + pinId + ", customer " + customerId + "]";
    }
}
