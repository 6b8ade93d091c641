package org.jumpdesk.users.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jumpdesk.users.entity.PersonalGroupVisibility;

/**
 * A console account to create.
 *
 * @param username letters, digits, {@code . _ -}, at most 64
 * @param password at least 12 characters
 * @param administrator may use the admin portal
 * @param personalGroupVisibility whose personal Jump Groups the user may see besides their own
 */
public record NewConsoleUser(
        @NotNull
                @Pattern(
                        regexp = "[\\p{L}\\p{N}._-]{1,64}",
                        message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
                String username,
        @NotNull @Size(min = 12, max = 256) String password,
        boolean administrator,
        @NotNull PersonalGroupVisibility personalGroupVisibility) {

    /** Hides the password from logs and messages. */
    @Override
    public String toString() {
        return "NewConsoleUser[" + username + ", administrator=" + administrator + "]";
    }
}
