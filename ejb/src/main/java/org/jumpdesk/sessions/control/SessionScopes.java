package org.jumpdesk.sessions.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;
import java.util.stream.Collectors;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.users.entity.ConsoleUser;

/** Finds the {@link SessionScope} of an actor. Joins the caller's transaction. */
@Stateless
public class SessionScopes {

    @EJB
    private Permissions permissions;

    /**
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for an unknown or disabled user
     */
    public SessionScope of(Actor actor) {
        ConsoleUser user = permissions.user(actor);
        if (user.administrator()) {
            return new SessionScope(true, actor.name(), java.util.Set.of());
        }
        Map<Long, JumpGroupRole> roles = permissions.rolesOf(actor);
        return new SessionScope(
                false,
                actor.name(),
                roles.entrySet().stream()
                        .filter(e -> e.getValue().includes(JumpGroupRole.MANAGE))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
