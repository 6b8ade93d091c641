package org.jumpdesk.dashboard;

/**
 * How many agents this node counts as connected, for the dashboard's sample. Today the count is this
 * node's in-memory presence ({@link NodeConnectedClients}); once presence lives in PostgreSQL an
 * implementation can count from there instead, without touching the sampler.
 */
public interface ConnectedClients {

    /** Agents connected to this node now. */
    int connectedHere();
}
