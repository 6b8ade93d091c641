package org.jumpdesk.pinning.boundary;

import jakarta.validation.constraints.Size;

/**
 * What the representative chose in the pin dropdown.
 *
 * @param jumpGroupId the Jump Group the client will belong to
 * @param tag a new or existing tag, or blank for none
 * @param comments free text, or blank
 */
public record PinChoice(long jumpGroupId, @Size(max = 64) String tag, @Size(max = 1024) String comments) {

    /** Blank entries mean "none". */
    public PinChoice {
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        comments = comments == null || comments.isBlank() ? null : comments.strip();
    }
}
