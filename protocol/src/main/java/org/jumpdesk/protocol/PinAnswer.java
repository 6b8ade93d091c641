package org.jumpdesk.protocol;

import java.util.UUID;

/** The customer's answer to a {@link PinRequest}: allowed (the client installs itself now) or denied. */
public record PinAnswer(UUID pinId, boolean allowed) implements Message {

    @Override
    public MessageType type() {
        return MessageType.PIN_ANSWER;
    }
}
