package org.jumpdesk.jumpclients.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;

/**
 * One line of the Jump interface's table; a detached copy read straight from the search query.
 *
 * @param online its agent's connection is open on some node now
 * @param disabledByUser the machine's user has disabled sessions (known while online)
 */
public record JumpClientRow(
        UUID id,
        String name,
        JumpClientState state,
        JumpClientMode mode,
        String jumpGroup,
        String tag,
        String comments,
        String consoleUser,
        String publicIp,
        String privateIps,
        String operatingSystem,
        Instant lastAccessedAt,
        String lastAccessedBy,
        Instant lastContactAt,
        boolean online,
        boolean disabledByUser) {

    /** The status the table shows: online, offline, passive, pinned or uninstalled. */
    public String status() {
        return state.status(online);
    }
}
