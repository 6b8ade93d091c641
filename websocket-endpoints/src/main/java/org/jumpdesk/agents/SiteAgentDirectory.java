package org.jumpdesk.agents;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Welcome;

/** The agent directory on a running site: the Jump Client boundaries, in their own transactions. */
@ApplicationScoped
public class SiteAgentDirectory implements AgentDirectory {

    static final int HEARTBEAT_SECONDS = 30;

    @EJB
    private JumpClients jumpClients;

    @Override
    public Welcome agentConnected(Hello hello) {
        JumpClientSummary client = jumpClients.agentConnected(
                hello.clientId(),
                new AgentDescription(hello.hostname(), hello.operatingSystem(), hello.agentVersion()));
        return new Welcome(client.id(), HEARTBEAT_SECONDS);
    }
}
