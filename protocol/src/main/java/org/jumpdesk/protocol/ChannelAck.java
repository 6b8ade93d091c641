package org.jumpdesk.protocol;

/**
 * Flow control on a channel connection, sent by whichever side receives a file: it has stored (or passed
 * on to the browser) this many more bytes. The sender keeps at most a window unacknowledged, so neither
 * the site nor the agent ever holds more than that of a file in memory.
 */
public record ChannelAck(long bytes) implements Message {

    public ChannelAck {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CHANNEL_ACK;
    }
}
