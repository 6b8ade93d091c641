package org.jumpdesk.jumpclients.boundary;

/** The fields the console's search box looks in; the magnifier chooses which (SPEC §4). */
public enum SearchField {
    COMMENTS,
    CONSOLE_USER,
    GROUP,
    JUMP_METHOD,
    LAST_ACCESSED,
    NAME,
    PRIVATE_IP,
    PUBLIC_IP,
    STATUS,
    TAG
}
