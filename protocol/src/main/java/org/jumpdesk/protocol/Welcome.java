package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * The site's answer to {@link Hello}: the agent is known and should send heartbeats at the given interval.
 *
 * @param clientId the identifier the site recorded
 * @param heartbeatSeconds how often the agent must send a {@link Heartbeat}
 * @param statisticsSeconds how often the agent reports {@link Statistics}
 */
public record Welcome(UUID clientId, int heartbeatSeconds, int statisticsSeconds) implements Message {

    public Welcome {
        Objects.requireNonNull(clientId, "clientId");
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be at least 1, was " + heartbeatSeconds);
        }
        if (statisticsSeconds < 1) {
            throw new IllegalArgumentException("statisticsSeconds must be at least 1, was " + statisticsSeconds);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
