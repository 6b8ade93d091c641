package org.jumpdesk.jumpclients.boundary;

/** The columns the Jump interface's table sorts by on the server. */
public enum JumpClientSort {
    NAME,
    STATUS,
    GROUP,
    TAG,
    COMMENTS,
    CONSOLE_USER,
    PUBLIC_IP,
    PRIVATE_IP,
    OPERATING_SYSTEM,
    LAST_ACCESSED,
    LAST_CONTACT
}
