package org.jumpdesk.sessions.control;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The support sessions one user may read: administrators all of them; anyone else the sessions they ran
 * and those on Jump Clients of groups where they hold {@code MANAGE}. Rendered as a SQL condition on
 * {@code support_session s} joined with {@code jump_client c}.
 *
 * @param everything the user is an administrator
 * @param representative the user's name
 * @param managedGroups ids of the groups where the user holds {@code MANAGE}
 */
public record SessionScope(boolean everything, String representative, Set<Long> managedGroups) {

    /**
     * The condition, with the positional parameter {@code ?index} to bind to {@link #representative()}
     * (always used, so parameter numbering stays the same for every user).
     */
    public String condition(int index) {
        if (everything) {
            return "?" + index + "::text IS NOT NULL";
        }
        String representativeCondition = "s.representative = ?" + index;
        if (managedGroups.isEmpty()) {
            return representativeCondition;
        }
        // Group ids are numbers read from the database, never user input.
        return "(" + representativeCondition + " OR c.jump_group_id IN ("
                + managedGroups.stream().map(String::valueOf).collect(Collectors.joining(",")) + "))";
    }
}
