package org.jumpdesk.protocol;

/** Periodic proof of life from an agent; keeps the connection from being closed as idle. */
public record Heartbeat() implements Message {

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
