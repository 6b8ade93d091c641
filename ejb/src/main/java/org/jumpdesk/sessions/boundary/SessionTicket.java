package org.jumpdesk.sessions.boundary;

import java.util.UUID;

/**
 * A session the site accepted: the agent (or the attended customer's temporary client) gets the token
 * (once, over its authenticated connection) and presents it on the session connection.
 *
 * @param clientId the Jump Client jumped to, or null for an attended customer
 * @param passive the client checks in now and then instead of staying connected: the jump waits for it
 * @param customerId the attended customer accepted, or null for a jump
 */
public record SessionTicket(UUID sessionId, UUID clientId, String token, boolean passive, UUID customerId) {

    /** A jump to a Jump Client. */
    public SessionTicket(UUID sessionId, UUID clientId, String token, boolean passive) {
        this(sessionId, clientId, token, passive, null);
    }

    @Override
    public String toString() {
        return "SessionTicket[sessionId=" + sessionId + ", clientId=" + clientId + ", passive=" + passive
                + ", customerId=" + customerId + "]";
    }
}
