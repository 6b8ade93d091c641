package org.jumpdesk.protocol;

/**
 * Flow control on a session connection: the site has passed this many more bytes of terminal output on to
 * the representative's browser. The agent keeps at most a window of unacknowledged output in flight, so a
 * flood ({@code yes}) waits for a slow browser instead of filling the site's memory.
 */
public record TerminalAck(long bytes) implements Message {

    public TerminalAck {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.TERMINAL_ACK;
    }
}
