package org.jumpdesk.console;

import java.io.Serializable;

/**
 * A node of the Jump interface's left pane: every group, one Jump Group, or one tag in a group.
 *
 * @param groupId null for "all groups"
 * @param tag null for the whole group
 */
public record GroupNode(String label, Long groupId, String tag) implements Serializable {}
