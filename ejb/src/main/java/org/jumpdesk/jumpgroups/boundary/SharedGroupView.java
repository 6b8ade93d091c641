package org.jumpdesk.jumpgroups.boundary;

import java.util.List;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;

/** A shared Jump Group with its members, as the admin portal shows it. */
public record SharedGroupView(String name, List<Member> members) {

    /** A member, their role, and whether they may pin and deploy into the group. */
    public record Member(String username, JumpGroupRole role, boolean pin, boolean deploy) {}
}
