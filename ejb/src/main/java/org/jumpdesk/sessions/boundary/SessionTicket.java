package org.jumpdesk.sessions.boundary;

import java.time.Duration;
import java.util.UUID;

/**
 * A session the site accepted: the agent (or the attended customer's temporary client) gets the token
 * (once, over its authenticated connection) and presents it on the session connection. It carries the
 * settings of the transaction that accepted it that say how long the agent has to attach, so the jump
 * needs no other read of the settings on its way to the agent.
 *
 * @param clientId the Jump Client jumped to, or null for an attended customer
 * @param passive the client checks in now and then instead of staying connected: the jump waits for it
 * @param customerId the attended customer accepted, or null for a jump
 * @param connectTimeout how long a connected agent has to attach ({@code connect_timeout_seconds})
 * @param passiveCheckIn how long a passive client may take to check in ({@code passive_check_in_seconds})
 */
public record SessionTicket(
        UUID sessionId,
        UUID clientId,
        String token,
        boolean passive,
        UUID customerId,
        Duration connectTimeout,
        Duration passiveCheckIn) {

    /** How long the agent has to attach: the connect timeout, after a check-in when it is not connected now. */
    public Duration agentWait(boolean agentConnectedNow) {
        return agentConnectedNow ? connectTimeout : connectTimeout.plus(passiveCheckIn);
    }

    @Override
    public String toString() {
        return "SessionTicket[sessionId=" + sessionId + ", clientId=" + clientId + ", passive=" + passive
                + ", customerId=" + customerId + "]";
    }
}
