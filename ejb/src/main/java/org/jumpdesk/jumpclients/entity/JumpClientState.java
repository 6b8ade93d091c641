package org.jumpdesk.jumpclients.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The site-wide states of a Jump Client and which moves between them are allowed. Connectivity
 * (online/offline) is not a state: it is never stored per heartbeat.
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

    static {
        PINNED.next = EnumSet.of(ACTIVE, PASSIVE, UNINSTALLED);
        ACTIVE.next = EnumSet.of(PASSIVE, UNINSTALLED);
        PASSIVE.next = EnumSet.of(ACTIVE, UNINSTALLED);
        UNINSTALLED.next = EnumSet.noneOf(JumpClientState.class);
    }

    private Set<JumpClientState> next;

    public boolean canMoveTo(JumpClientState target) {
        return next.contains(target);
    }
}
