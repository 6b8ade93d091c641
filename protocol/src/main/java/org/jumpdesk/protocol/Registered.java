package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * The site's answer to {@link Register}: the identity the agent keeps from now on, and its mode.
 *
 * @param mode {@code ACTIVE} or {@code PASSIVE}
 */
public record Registered(UUID clientId, String mode) implements Message {

    public Registered {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public MessageType type() {
        return MessageType.REGISTERED;
    }
}
