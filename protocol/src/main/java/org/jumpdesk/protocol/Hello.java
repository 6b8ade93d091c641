package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * First message of an agent connection: who the agent is and what it runs on.
 *
 * @param clientId the identifier the agent keeps in its state directory
 * @param hostname the machine's host name
 * @param operatingSystem operating system name and version
 * @param agentVersion version of the Jump Client software
 */
public record Hello(UUID clientId, String hostname, String operatingSystem, String agentVersion) implements Message {

    public Hello {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(agentVersion, "agentVersion");
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
