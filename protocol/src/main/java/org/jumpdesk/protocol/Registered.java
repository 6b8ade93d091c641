package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * The site's answer to {@link Register}: the identity the agent keeps from now on, and its mode.
 *
 * @param mode {@code ACTIVE} or {@code PASSIVE}
 * @param siteKey the site's release-signing key, as in {@link Welcome}: known before any update offer
 */
public record Registered(UUID clientId, String mode, String siteKey) implements Message {

    public Registered {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(siteKey, "siteKey");
    }

    @Override
    public MessageType type() {
        return MessageType.REGISTERED;
    }
}
