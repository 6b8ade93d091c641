package org.jumpdesk.shared;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who acts: a console user by name, or the site itself on behalf of an agent, an installer or a timer.
 * Every use case takes one, checks its rights, and records it in the audit trail.
 *
 * @param name a console username, or {@code agent:<id>}, {@code installer:<id>}, {@code system}
 * @param consoleUser whether the name is a console user (whose roles are looked up) or the site itself
 */
public record Actor(String name, boolean consoleUser) implements Serializable {

    /** The site acting on its own (timers, start-up). */
    public static final Actor SYSTEM = new Actor("system", false);

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor user(String username) {
        return new Actor(username, true);
    }

    public static Actor agent(Object clientId) {
        return new Actor("agent:" + clientId, false);
    }

    public static Actor installer(Object installerId) {
        return new Actor("installer:" + installerId, false);
    }

    /** A customer of an attended session, who has no account. */
    public static Actor customer(Object customerId) {
        return new Actor("customer:" + customerId, false);
    }
}
