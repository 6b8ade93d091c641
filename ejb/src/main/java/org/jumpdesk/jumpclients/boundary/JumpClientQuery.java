package org.jumpdesk.jumpclients.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What the Jump interface asks for: the search text, the fields it is looked for in, and the group (and
 * tag) chosen in the left pane.
 *
 * @param text words that must each appear in one of the fields (AND), plus typed filters such as
 *     {@code tag:servers status:online ip:10.0.*}; blank for everything
 * @param fields where the words are looked for; typed filters name their own field
 * @param jumpGroupId only this group, or null for every group the user can see
 * @param tag only this tag within the group, or null
 */
public record JumpClientQuery(
        @Size(max = 1024) String text, @NotNull Set<SearchField> fields, Long jumpGroupId, @Size(max = 64) String tag) {

    /** Everything the user can see. */
    public static JumpClientQuery everything() {
        return new JumpClientQuery(null, Set.of(SearchField.values()), null, null);
    }
}
