package org.jumpdesk.jumpgroups.boundary;

import java.util.List;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;

/** A shared Jump Group with its members, as the admin portal shows it. */
public record SharedGroupView(String name, List<Member> members) {

    /** A member and their role. */
    public record Member(String username, JumpGroupRole role) {}
}
