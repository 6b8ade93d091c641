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
 * @param signature the connection's challenge signed with the agent's key, for the client id as purpose
 */
public record Hello(UUID clientId, String hostname, String operatingSystem, String agentVersion, String signature)
        implements Message {

    public Hello {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
