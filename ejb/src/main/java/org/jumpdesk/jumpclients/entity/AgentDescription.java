package org.jumpdesk.jumpclients.entity;

import java.util.Objects;

/**
 * What an agent says about the machine it runs on.
 *
 * @param hostname the machine's host name
 * @param operatingSystem operating system name and version
 * @param agentVersion version of the Jump Client software
 */
public record AgentDescription(String hostname, String operatingSystem, String agentVersion) {

    public AgentDescription {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(agentVersion, "agentVersion");
    }
}
