package org.jumpdesk.protocol;

import java.util.UUID;

/**
 * The temporary client could not install itself, or the installed Jump Client could not start: why, in the
 * installer's words. (Success needs no message: the site sees the new client register.)
 */
public record PinFailed(UUID pinId, String reason) implements Message {

    @Override
    public MessageType type() {
        return MessageType.PIN_FAILED;
    }
}
