package org.jumpdesk.users.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A password to set: at least 12 characters. */
public record NewPassword(@NotNull @Size(min = 12, max = 256) String password) {

    /** Hides the password from logs and messages. */
    @Override
    public String toString() {
        return "NewPassword";
    }
}
