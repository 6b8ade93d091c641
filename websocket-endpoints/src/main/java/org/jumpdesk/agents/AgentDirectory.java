package org.jumpdesk.agents;

import java.util.UUID;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.Welcome;

/**
 * What the agent endpoint needs from the rest of the site. Refusals are
 * {@link org.jumpdesk.shared.JumpDeskException}s whose status gives the close code.
 */
public interface AgentDirectory {

    /**
     * A machine registers with an installer key.
     *
     * @param nonce the challenge this connection's agent signed
     */
    Registered register(Register registration, String nonce);

    /**
     * A registered agent has said hello on a new connection: record it and tell it how to carry on.
     *
     * @param nonce the challenge this connection's agent signed
     * @return the welcome to send back
     */
    Welcome agentConnected(Hello hello, String nonce);

    /** The agent was uninstalled on its machine. */
    void uninstalled(UUID clientId);

    /** A connected agent reported its machine's statistics. */
    void statistics(UUID clientId, Statistics statistics);
}
