package org.jumpdesk.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.jumpdesk.shared.Actor;

/** The logged-in console user, as the actor every use case takes. */
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext securityContext;

    /**
     * @throws IllegalStateException outside an authenticated request (the pages' security constraints
     *     prevent that)
     */
    public Actor actor() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("no user is logged in");
        }
        return Actor.user(caller.getName());
    }
}
