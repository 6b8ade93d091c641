package org.jumpdesk.protocol;

/**
 * The first message of an attended customer's temporary client ({@code /customer}): the session key the
 * representative gave, and what the customer's machine is, for the representative's queue.
 */
public record CustomerHello(String sessionKey, String hostname, String operatingSystem, String user)
        implements Message {

    @Override
    public MessageType type() {
        return MessageType.CUSTOMER_HELLO;
    }

    /** Hides the key from logs. */
    @Override
    public String toString() {
        return "CustomerHello[" + user + "@" + hostname + ", " + operatingSystem + "]";
    }
}
