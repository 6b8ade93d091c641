package org.jumpdesk.jumpclients.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpclients.entity.MachineStatistics;

/** A Jump Client as lists and the statistics pane show it; a detached copy, safe to hand to pages. */
public record JumpClientSummary(
        UUID id,
        String name,
        String hostname,
        String operatingSystem,
        String agentVersion,
        JumpClientState state,
        JumpClientMode mode,
        InstallMode installMode,
        String jumpGroup,
        String tag,
        String comments,
        String createdBy,
        Instant createdAt,
        Instant lastContactAt,
        String lastJumpedBy,
        Instant lastJumpedAt,
        Instant removalDue,
        MachineStatistics statistics) {

    static JumpClientSummary of(JumpClient client, int siteOfflineLimitDays) {
        return new JumpClientSummary(
                client.id(),
                client.name(),
                client.hostname(),
                client.operatingSystem(),
                client.agentVersion(),
                client.state(),
                client.mode(),
                client.installMode(),
                client.jumpGroup().name(),
                client.tag(),
                client.comments(),
                client.createdBy(),
                client.createdAt(),
                client.lastContactAt(),
                client.lastJumpedBy(),
                client.lastJumpedAt(),
                client.removalDue(siteOfflineLimitDays),
                client.statistics());
    }
}
