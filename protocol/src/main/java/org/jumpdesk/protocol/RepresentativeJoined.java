package org.jumpdesk.protocol;

/** Tells the customer who is now connected to their machine. */
public record RepresentativeJoined(String representative) implements Message {

    @Override
    public MessageType type() {
        return MessageType.REPRESENTATIVE_JOINED;
    }
}
