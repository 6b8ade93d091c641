package org.jumpdesk.jumpclients.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientState;

/** A Jump Client as lists show it; a detached copy, safe to hand to pages and endpoints. */
public record JumpClientSummary(
        UUID id,
        String hostname,
        String operatingSystem,
        String agentVersion,
        JumpClientState state,
        Instant createdAt,
        Instant lastContactAt) {

    static JumpClientSummary of(JumpClient client) {
        return new JumpClientSummary(
                client.id(),
                client.hostname(),
                client.operatingSystem(),
                client.agentVersion(),
                client.state(),
                client.createdAt(),
                client.lastContactAt());
    }
}
