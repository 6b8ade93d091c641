package org.jumpdesk.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jumpdesk.agents.AgentPresence;

/** The agents connected to this node, from its presence (as the metric {@code jumpdesk_agents_connected}). */
@ApplicationScoped
public class NodeConnectedClients implements ConnectedClients {

    @Inject
    private AgentPresence presence;

    @Override
    public int connectedHere() {
        return presence.connectedCount();
    }
}
