package org.jumpdesk.users.boundary;

import java.util.Optional;

/**
 * How a login attempt ended.
 *
 * @param identity who logged in; empty unless the login succeeded
 * @param lockedOut whether the account or the source address is locked after too many failures
 */
public record LoginResult(Optional<ConsoleIdentity> identity, boolean lockedOut) {

    /** Wrong username or password. */
    public static final LoginResult FAILED = new LoginResult(Optional.empty(), false);

    /** Refused without checking the password: too many recent failures. */
    public static final LoginResult LOCKED_OUT = new LoginResult(Optional.empty(), true);

    public static LoginResult success(ConsoleIdentity identity) {
        return new LoginResult(Optional.of(identity), false);
    }
}
