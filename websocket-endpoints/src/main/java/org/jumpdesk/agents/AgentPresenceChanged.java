package org.jumpdesk.agents;

import java.util.UUID;

/**
 * Fired by {@link AgentPresence} on this node when an agent connects, disconnects or changes its
 * availability; consoles observe it to show presence without a reload.
 */
public record AgentPresenceChanged(UUID clientId, boolean online) {}
