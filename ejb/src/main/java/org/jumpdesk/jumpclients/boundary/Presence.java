package org.jumpdesk.jumpclients.boundary;

import java.time.Instant;

/**
 * Whether a client's agent is connected to some node now, as the database knows it for the whole cluster.
 *
 * @param online its authenticated connection is open on a node
 * @param disabledByUser the machine's user has disabled sessions (reported over that connection)
 * @param lastHeardAt when the node last wrote that it heard from the agent; null while offline
 */
public record Presence(boolean online, boolean disabledByUser, Instant lastHeardAt) {

    public static final Presence OFFLINE = new Presence(false, false, null);
}
