package org.jumpdesk.jumpclients.entity;

/**
 * The site-wide states of a Jump Client; {@link JumpClientEvent} holds the moves between them.
 * Connectivity (online/offline) is not a state: it is presence, a row per open connection.
 */
public enum JumpClientState {
    /** Registered by an installer or a pin, not yet connected. */
    PINNED,
    /** Holds a persistent connection, so a jump starts at once. */
    ACTIVE,
    /** Holds no connection; checks in at an interval. */
    PASSIVE,
    /** Uninstalled on the remote machine; listed with its last statistics, cannot be jumped to. */
    UNINSTALLED;

    /** Whether a client in this state takes one of the license's deployed slots. */
    public boolean deployed() {
        return this != UNINSTALLED;
    }

    /** What the console shows: an active client is online or offline, the others their state. */
    public String status(boolean online) {
        return switch (this) {
            case ACTIVE -> online ? "online" : "offline";
            case PASSIVE -> "passive";
            case PINNED -> "pinned";
            case UNINSTALLED -> "uninstalled";
        };
    }
}
