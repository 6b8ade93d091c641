package org.jumpdesk.protocol;

/** The representative's terminal changed size; the agent resizes the PTY. */
public record TerminalResize(int columns, int rows) implements Message {

    public TerminalResize {
        requireSize(columns, rows);
    }

    static void requireSize(int columns, int rows) {
        if (columns < 1 || columns > 1000 || rows < 1 || rows > 1000) {
            throw new IllegalArgumentException(
                    "terminal size must be 1..1000 columns and rows, was " + columns + "x" + rows);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.TERMINAL_RESIZE;
    }
}
