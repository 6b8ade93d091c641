package org.jumpdesk.jumpgroups.boundary;

import org.jumpdesk.jumpgroups.entity.JumpGroupRole;

/**
 * A Jump Group as the acting user sees it.
 *
 * @param role the acting user's role in it
 */
public record JumpGroupView(long id, String name, boolean personal, JumpGroupRole role) {}
