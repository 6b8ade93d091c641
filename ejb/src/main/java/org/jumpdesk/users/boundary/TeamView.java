package org.jumpdesk.users.boundary;

import java.util.List;

/** A team and its members' usernames. */
public record TeamView(String name, List<String> members) {}
