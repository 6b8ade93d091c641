package org.jumpdesk.jumpclients.boundary;

import java.util.List;
import org.jumpdesk.jumpgroups.boundary.JumpGroupView;

/**
 * A Jump Group of the left pane with the tags its clients carry, shown as its collapsible children.
 *
 * @param owner for another user's personal group, that user (listed in the team members pane); else null
 */
public record JumpGroupTree(JumpGroupView group, String owner, List<String> tags) {}
