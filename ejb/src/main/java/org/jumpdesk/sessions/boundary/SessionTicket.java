package org.jumpdesk.sessions.boundary;

import java.util.UUID;

/**
 * A jump the site accepted: the agent gets the token (once, over its authenticated connection) and
 * presents it on the session connection.
 */
public record SessionTicket(UUID sessionId, UUID clientId, String token) {

    @Override
    public String toString() {
        return "SessionTicket[sessionId=" + sessionId + ", clientId=" + clientId + "]";
    }
}
