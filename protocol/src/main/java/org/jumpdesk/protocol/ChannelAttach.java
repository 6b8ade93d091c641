package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/** The first message on an agent's channel connection: which request it serves, proven by its token. */
public record ChannelAttach(UUID channelId, String token) implements Message {

    public ChannelAttach {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public MessageType type() {
        return MessageType.CHANNEL_ATTACH;
    }

    @Override
    public String toString() {
        return "ChannelAttach[channelId=" + channelId + "]";
    }
}
