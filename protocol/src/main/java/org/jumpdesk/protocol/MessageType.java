package org.jumpdesk.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The value of the {@code type} member of every message, and which side may send it. */
public enum MessageType {
    CHALLENGE("challenge", Sender.SITE),
    REGISTER("register", Sender.AGENT),
    REGISTERED("registered", Sender.SITE),
    HELLO("hello", Sender.AGENT),
    WELCOME("welcome", Sender.SITE),
    HEARTBEAT("heartbeat", Sender.AGENT),
    STATISTICS("statistics", Sender.AGENT),
    AVAILABILITY("availability", Sender.AGENT),
    UNINSTALLING("uninstalling", Sender.AGENT),
    UPDATE_AVAILABLE("update-available", Sender.SITE),
    SESSION_OPEN("session-open", Sender.SITE),
    SESSION_ATTACH("session-attach", Sender.AGENT),
    TERMINAL_RESIZE("terminal-resize", Sender.SITE),
    TERMINAL_ACK("terminal-ack", Sender.SITE),
    CUSTOMER_HELLO("customer-hello", Sender.AGENT),
    CUSTOMER_QUEUED("customer-queued", Sender.SITE),
    REPRESENTATIVE_JOINED("representative-joined", Sender.SITE),
    CUSTOMER_END("customer-end", Sender.AGENT),
    PIN_REQUEST("pin-request", Sender.SITE),
    PIN_ANSWER("pin-answer", Sender.AGENT),
    PIN_FAILED("pin-failed", Sender.AGENT),
    CHANNEL_OPEN("channel-open", Sender.SITE),
    CHANNEL_ATTACH("channel-attach", Sender.AGENT),
    CHANNEL_REPLY("channel-reply", Sender.AGENT),
    /** Sent by whichever side receives a file. */
    CHANNEL_ACK("channel-ack", Sender.EITHER);

    /** Which end of the connection may send a message type. */
    public enum Sender {
        AGENT,
        SITE,
        EITHER
    }

    private final String wireName;
    private final Sender sender;

    MessageType(String wireName, Sender sender) {
        this.wireName = wireName;
        this.sender = sender;
    }

    public String wireName() {
        return wireName;
    }

    public boolean sentBy(Sender candidate) {
        return sender == candidate || sender == Sender.EITHER;
    }

    public static Optional<MessageType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
