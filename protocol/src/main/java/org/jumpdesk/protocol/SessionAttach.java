package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/** The first message on an agent's session connection: which jump it serves, proven by its token. */
public record SessionAttach(UUID sessionId, String token) implements Message {

    public SessionAttach {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public MessageType type() {
        return MessageType.SESSION_ATTACH;
    }

    @Override
    public String toString() {
        return "SessionAttach[sessionId=" + sessionId + "]";
    }
}
