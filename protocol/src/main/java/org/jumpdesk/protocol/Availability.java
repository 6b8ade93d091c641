package org.jumpdesk.protocol;

/**
 * Whether the user of the remote machine allows sessions now; sent after {@code welcome} and whenever
 * it changes (the agent's local {@code disable} / {@code enable}).
 */
public record Availability(boolean disabled) implements Message {

    @Override
    public MessageType type() {
        return MessageType.AVAILABILITY;
    }
}
