package org.jumpdesk.protocol;

import java.util.Objects;

/**
 * The agent's answer on a channel: for a download, {@code OK} with the file's size before its bytes; for an
 * upload, {@code OK} when it may start and again with the bytes stored at the end; or why it was refused.
 *
 * @param path the normalised absolute path the agent used (or was given, when it is invalid)
 * @param size bytes: the file's size, or the bytes stored
 */
public record ChannelReply(FileStatus status, String path, long size) implements Message {

    public ChannelReply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }

    public static ChannelReply refused(FileStatus status, String path) {
        return new ChannelReply(status, path, 0);
    }

    @Override
    public MessageType type() {
        return MessageType.CHANNEL_REPLY;
    }
}
