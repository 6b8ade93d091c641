package org.jumpdesk.protocol;

/** The site accepted the customer's session key: the customer waits in this representative's queue. */
public record CustomerQueued(String representative) implements Message {

    @Override
    public MessageType type() {
        return MessageType.CUSTOMER_QUEUED;
    }
}
