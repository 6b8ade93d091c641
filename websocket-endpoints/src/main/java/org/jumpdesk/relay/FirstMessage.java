package org.jumpdesk.relay;

import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.util.Optional;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;

/** The first message on a connection an agent dialled for a session: what it must be, or the socket is closed. */
final class FirstMessage {

    private static final MessageCodec CODEC = new MessageCodec();

    private FirstMessage() {}

    static <T extends Message> Optional<T> expect(String text, Session agent, Class<T> expected, String wireName) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            Sockets.close(agent, CloseCodes.NOT_CONSISTENT, e.getMessage());
            return Optional.empty();
        }
        if (!expected.isInstance(message)) {
            Sockets.close(agent, CloseCodes.VIOLATED_POLICY, "'" + wireName + "' must be the first message");
            return Optional.empty();
        }
        return Optional.of(expected.cast(message));
    }
}
