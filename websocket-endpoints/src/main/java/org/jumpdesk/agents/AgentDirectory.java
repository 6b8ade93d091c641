package org.jumpdesk.agents;

import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Welcome;

/** What the agent endpoint needs from the rest of the site. */
public interface AgentDirectory {

    /**
     * An agent has said hello on a new connection: record it and tell it how to carry on.
     *
     * @return the welcome to send back
     */
    Welcome agentConnected(Hello hello);
}
