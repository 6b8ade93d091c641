package org.jumpdesk.protocol;

import java.util.Objects;

/** The site's first message on every connection: a one-time value the agent must sign. */
public record Challenge(String nonce) implements Message {

    public Challenge {
        Objects.requireNonNull(nonce, "nonce");
    }

    @Override
    public MessageType type() {
        return MessageType.CHALLENGE;
    }
}
