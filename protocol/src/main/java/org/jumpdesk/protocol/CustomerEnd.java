package org.jumpdesk.protocol;

/** The customer ends the session from their temporary client. */
public record CustomerEnd() implements Message {

    @Override
    public MessageType type() {
        return MessageType.CUSTOMER_END;
    }
}
