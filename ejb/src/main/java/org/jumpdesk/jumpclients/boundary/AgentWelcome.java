package org.jumpdesk.jumpclients.boundary;

import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.agentsoftware.boundary.AgentUpdates;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.settings.boundary.ClientSettingsValues;

/**
 * What an agent is told after its hello ({@link AgentConnections#connect}).
 *
 * @param offlineLimitDays how long the client may stay offline from now before it is uninstalled and removed
 * @param settings the client settings it runs with (heartbeat, statistics and check-in intervals)
 * @param update the release offered to it, when it runs another version and an upgrade slot was free
 */
public record AgentWelcome(
        UUID clientId,
        JumpClientMode mode,
        int offlineLimitDays,
        ClientSettingsValues settings,
        Optional<AgentUpdates.Offer> update) {}
