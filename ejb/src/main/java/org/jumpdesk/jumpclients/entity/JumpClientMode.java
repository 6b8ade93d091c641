package org.jumpdesk.jumpclients.entity;

/** How a Jump Client stays reachable. */
public enum JumpClientMode {
    /** Holds a persistent connection; a jump starts at once. */
    ACTIVE,
    /** Checks in at an interval and is told then to connect for a pending jump. */
    PASSIVE
}
