package org.jumpdesk.users.boundary;

import java.util.Set;

/**
 * Who logged in and which application roles they hold.
 *
 * @param username the account name
 * @param roles {@link ConsoleUsers#REPRESENTATIVE} and, for administrators, {@link ConsoleUsers#ADMIN}
 */
public record ConsoleIdentity(String username, Set<String> roles) {}
