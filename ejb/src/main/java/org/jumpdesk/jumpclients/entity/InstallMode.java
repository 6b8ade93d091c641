package org.jumpdesk.jumpclients.entity;

/** Whether a Jump Client serves whoever is logged in or only its own user. */
public enum InstallMode {
    /** Installed with elevation; available whether or not anyone is logged in (never runs as root). */
    SERVICE,
    /** Available only while its user is logged in. */
    USER
}
