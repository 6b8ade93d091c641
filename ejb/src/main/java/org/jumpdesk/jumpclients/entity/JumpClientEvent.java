package org.jumpdesk.jumpclients.entity;

import static org.jumpdesk.jumpclients.entity.JumpClientState.ACTIVE;
import static org.jumpdesk.jumpclients.entity.JumpClientState.PASSIVE;
import static org.jumpdesk.jumpclients.entity.JumpClientState.PINNED;
import static org.jumpdesk.jumpclients.entity.JumpClientState.UNINSTALLED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What can happen to a registered Jump Client, as a rule table: for each event, the state it leads to from
 * each state it is allowed in (SPEC §2). Registration itself creates the client {@code PINNED}.
 */
public enum JumpClientEvent {
    /** First connection of a client installed in active mode. Needs a free active slot. */
    CONNECTED_ACTIVE(false, Map.of(PINNED, ACTIVE)),
    /** First check-in of a client installed in passive mode. */
    CHECKED_IN_PASSIVE(false, Map.of(PINNED, PASSIVE)),
    /** Switched to active in the console or API. Needs a free active slot. */
    SWITCHED_TO_ACTIVE(false, Map.of(PASSIVE, ACTIVE)),
    /** Switched to passive in the console or API. */
    SWITCHED_TO_PASSIVE(false, Map.of(ACTIVE, PASSIVE)),
    /** Uninstalled on the remote machine; stays listed with its last statistics. */
    UNINSTALLED_BY_USER(false, Map.of(PINNED, UNINSTALLED, ACTIVE, UNINSTALLED, PASSIVE, UNINSTALLED)),
    /** Deleted in the console or API: removed from the console, row kept for the audit trail. */
    DELETED(true, Map.of(PINNED, PINNED, ACTIVE, ACTIVE, PASSIVE, PASSIVE, UNINSTALLED, UNINSTALLED)),
    /** Offline longer than its offline limit: uninstalled and removed from the console. */
    OFFLINE_LIMIT_REACHED(
            true, Map.of(PINNED, UNINSTALLED, ACTIVE, UNINSTALLED, PASSIVE, UNINSTALLED, UNINSTALLED, UNINSTALLED));

    private final boolean removes;
    private final Map<JumpClientState, JumpClientState> targets;

    JumpClientEvent(boolean removes, Map<JumpClientState, JumpClientState> targets) {
        this.removes = removes;
        this.targets = new EnumMap<>(targets);
    }

    /** The state this event leads to from {@code from}; empty when the event is not allowed there. */
    public Optional<JumpClientState> target(JumpClientState from) {
        return Optional.ofNullable(targets.get(from));
    }

    /** Whether the event removes the client from the console (its row stays for the audit trail). */
    public boolean removes() {
        return removes;
    }
}
