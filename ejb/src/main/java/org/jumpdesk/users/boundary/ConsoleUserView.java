package org.jumpdesk.users.boundary;

import java.util.List;
import org.jumpdesk.users.entity.PersonalGroupVisibility;

/** A console account as the admin portal lists it. */
public record ConsoleUserView(
        String username,
        boolean administrator,
        boolean enabled,
        boolean mustChangePassword,
        PersonalGroupVisibility personalGroupVisibility,
        List<String> teams) {}
