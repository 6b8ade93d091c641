package org.jumpdesk.sessions.boundary;

import java.util.UUID;

/**
 * A jump the site accepted: the agent gets the token (once, over its authenticated connection) and
 * presents it on the session connection.
 *
 * @param passive the client checks in now and then instead of staying connected: the jump waits for it
 */
public record SessionTicket(UUID sessionId, UUID clientId, String token, boolean passive) {

    @Override
    public String toString() {
        return "SessionTicket[sessionId=" + sessionId + ", clientId=" + clientId + ", passive=" + passive + "]";
    }
}
