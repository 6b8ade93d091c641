package org.jumpdesk.protocol;

import java.util.Objects;
import java.util.UUID;

/**
 * Sent on a session connection: the representative asked for a file operation or the machine's
 * statistics. The agent dials the site's channel endpoint, presents the token, and serves the one request.
 * Nothing connects in to the agent; each transfer has its own connection, so a large file never holds up
 * the terminal.
 *
 * @param token one-time secret that binds the channel connection to this request
 * @param path the absolute path on the agent's machine; empty for the agent user's home (and for
 *     {@link ChannelKind#SYSTEM_INFO})
 * @param size the bytes an upload will send; 0 otherwise
 * @param limitBytes the site's file transfer limit: larger files are refused with {@link FileStatus#TOO_LARGE}
 */
public record ChannelOpen(UUID channelId, String token, ChannelKind kind, String path, long size, long limitBytes)
        implements Message {

    public ChannelOpen {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (size < 0 || limitBytes < 0) {
            throw new IllegalArgumentException("size and limitBytes must not be negative");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CHANNEL_OPEN;
    }

    @Override
    public String toString() {
        return "ChannelOpen[channelId=" + channelId + ", kind=" + kind + ", path=" + path + ", size=" + size + "]";
    }
}
