package org.jumpdesk.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What a session channel carries: one file operation, or the machine's live statistics. */
public enum ChannelKind {
    /** One directory's entries, as a {@code directory} document; then the channel closes. */
    LIST("list"),
    /** A file from the agent: a {@link ChannelReply} with its size, binary chunks, acknowledged by the site. */
    DOWNLOAD("download"),
    /** A file to the agent: a {@link ChannelReply} when it may start, binary chunks acknowledged by the agent. */
    UPLOAD("upload"),
    /** One {@code system-info} document: statistics and the process list; then the channel closes. */
    SYSTEM_INFO("system-info");

    private final String wireName;

    ChannelKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChannelKind> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
