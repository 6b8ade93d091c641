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
 * @param onRelease whether it runs the site's agent release; if not, the node offers the release again at
 *     its statistics reports until it does
 * @param update the release offered to it, when it runs another version and an upgrade slot was free
 */
public record AgentWelcome(
        UUID clientId,
        JumpClientMode mode,
        int offlineLimitDays,
        ClientSettingsValues settings,
        boolean onRelease,
        Optional<AgentUpdates.Offer> update) {}
