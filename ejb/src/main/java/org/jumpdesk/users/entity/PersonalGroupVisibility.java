package org.jumpdesk.users.entity;

/** Whose personal Jump Groups a user may see besides their own, with the {@code JUMP} role. */
public enum PersonalGroupVisibility {
    NONE,
    /** Those of users who share a team with them. */
    TEAM,
    ALL
}
