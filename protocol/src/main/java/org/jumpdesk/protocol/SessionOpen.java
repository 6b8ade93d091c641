package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * Sent on the agent's own connection: a representative jumped to this machine. The agent dials the site's
 * session endpoint, presents the one-time token and starts a terminal of the given size.
 *
 * @param token one-time secret that binds the session connection to this jump; valid once
 */
public record SessionOpen(UUID sessionId, String token, int columns, int rows) implements Message {

    public SessionOpen {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(token, "token");
        TerminalResize.requireSize(columns, rows);
    }

    @Override
    public MessageType type() {
        return MessageType.SESSION_OPEN;
    }

    @Override
    public String toString() {
        return "SessionOpen[sessionId=" + sessionId + ", columns=" + columns + ", rows=" + rows + "]";
    }
}
