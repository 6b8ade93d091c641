package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.constraints.Size;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;

/**
 * Which Jump Clients a search returns; every part is optional and the parts that are given all apply.
 *
 * @param text found, ignoring case, in the name, host name, comments, tag or Jump Group name
 * @param jumpGroup the Jump Group's exact name
 * @param tag the exact tag
 */
public record JumpClientFilter(
        @Size(max = 255) String text,
        @Size(max = 80) String jumpGroup,
        @Size(max = 64) String tag,
        JumpClientState state,
        JumpClientMode mode) {

    /** Every client the actor can see. */
    public static final JumpClientFilter ALL = new JumpClientFilter(null, null, null, null, null);
}
