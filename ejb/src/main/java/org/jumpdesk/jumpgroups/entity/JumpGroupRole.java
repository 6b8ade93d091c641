package org.jumpdesk.jumpgroups.entity;

/** What a member may do with the Jump Items of a group. Each role includes the ones before it. */
public enum JumpGroupRole {
    /** See the items and their statistics. */
    VIEW,
    /** Also jump to them. */
    JUMP,
    /** Also change their properties, move, switch mode and delete them, and install into the group. */
    MANAGE;

    public boolean includes(JumpGroupRole needed) {
        return compareTo(needed) >= 0;
    }
}
