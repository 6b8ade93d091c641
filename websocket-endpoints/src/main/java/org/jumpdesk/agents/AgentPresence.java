package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent connections this node holds: each one's session, when its agent was last heard from and
 * whether its user disabled sessions. Per-connection state only; whether a client is online is the
 * cluster's presence in the database ({@code AgentConnections}), which the endpoint writes at connect and
 * close, and the housekeeping timer's flush brings up to date with the times kept here, so heartbeats
 * never write.
 */
@ApplicationScoped
public class AgentPresence {

    private static final Logger LOG = Logger.getLogger(AgentPresence.class.getName());

    /**
     * One live connection: its id in the presence table, its session, when the agent last sent anything (in
     * epoch milliseconds: a node holds one of these per agent, and an {@code Instant} would add an object to
     * each, and one more per heartbeat).
     */
    private static final class Connection {

        private final UUID id;
        private final Session session;
        private volatile long lastHeardMillis;
        private volatile boolean disabled;

        private Connection(UUID id, Session session, Instant lastHeard) {
            this.id = id;
            this.session = session;
            this.lastHeardMillis = lastHeard.toEpochMilli();
        }

        Instant lastHeard() {
            return Instant.ofEpochMilli(lastHeardMillis);
        }
    }

    /** A connection closed for missed heartbeats, to be released from the presence table. */
    record Silent(UUID clientId, UUID connectionId, Instant lastHeard) {}

    private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();

    /** Messages heard from agents since this node started (heartbeats and reports), for operators' metrics. */
    private final LongAdder messagesHeard = new LongAdder();

    /** Null outside a CDI container (the in-process endpoint tests build this class themselves). */
    @Inject
    private Event<AgentPresenceChanged> changes;

    /**
     * An agent authenticated on a session (its presence row is written); an older session of the same
     * client is closed.
     */
    public void connected(UUID clientId, UUID connectionId, Session session, Instant now) {
        Connection previous = connections.put(clientId, new Connection(connectionId, session, now));
        if (previous != null && previous.session != session) {
            close(previous.session, CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a new connection");
        }
        announce(clientId, true);
    }

    /** The agent sent something: it is alive. */
    public void heard(UUID clientId, Instant now) {
        messagesHeard.increment();
        Connection connection = connections.get(clientId);
        if (connection != null) {
            connection.lastHeardMillis = now.toEpochMilli();
        }
    }

    /**
     * The session ended: forgets the client unless a newer session already replaced it. Consoles are told
     * by the caller ({@link #announce}) once the presence row is gone.
     *
     * @return when the agent was last heard from on this session, or null if it was not the client's
     */
    public Instant disconnected(UUID clientId, Session session) {
        Connection connection = connections.get(clientId);
        if (connection != null && connection.session == session && connections.remove(clientId, connection)) {
            return connection.lastHeard();
        }
        return null;
    }

    /** How many agents are connected to this node now. */
    public int connectedCount() {
        return connections.size();
    }

    /** How many messages agents sent to this node since it started; its rate is the heartbeat rate. */
    public long messagesHeard() {
        return messagesHeard.sum();
    }

    /** Whether this node holds a connection of the client (the cluster's presence is in the database). */
    public boolean online(UUID clientId) {
        return connections.containsKey(clientId);
    }

    /** Whether the agent connected to this node has been disabled by its user. */
    public boolean disabled(UUID clientId) {
        Connection connection = connections.get(clientId);
        return connection != null && connection.disabled;
    }

    /**
     * The remote user allowed or refused sessions (the agent's local disable / enable).
     *
     * @return whether that changed, so that the presence row is written and consoles are told
     */
    public boolean availabilityChanged(UUID clientId, boolean disabled) {
        Connection connection = connections.get(clientId);
        if (connection == null || connection.disabled == disabled) {
            return false;
        }
        connection.disabled = disabled;
        return true;
    }

    /** When each connected client was last heard from, for the batched last-contact write. */
    public Map<UUID, Instant> lastHeard() {
        Map<UUID, Instant> heard = new HashMap<>();
        connections.forEach((id, connection) -> heard.put(id, connection.lastHeard()));
        return heard;
    }

    /**
     * Forgets and closes the connections of agents silent for longer than allowed (three missed
     * heartbeats), without waiting for their close handshake, which a hung agent never answers.
     *
     * @return the connections closed, for the caller to release their presence and then {@link #announce} it
     */
    List<Silent> closeSilent(Duration allowedSilence, Instant now) {
        List<Silent> closed = new ArrayList<>();
        for (Map.Entry<UUID, Connection> entry : connections.entrySet()) {
            Connection connection = entry.getValue();
            if (connection.lastHeard().plus(allowedSilence).isBefore(now)
                    && connections.remove(entry.getKey(), connection)) {
                LOG.fine(() -> "agent " + entry.getKey() + " missed its heartbeats");
                close(connection.session, CloseReason.CloseCodes.GOING_AWAY, "missed heartbeats");
                closed.add(new Silent(entry.getKey(), connection.id, connection.lastHeard()));
            }
        }
        return closed;
    }

    /** Tells consoles that the presence of a client changed (after its row was written). */
    void announce(UUID clientId) {
        announce(clientId, connections.containsKey(clientId));
    }

    /**
     * Closes every connection: the other nodes took this one for gone and released its agents' presence,
     * so they must connect again (to any node) to be online.
     */
    void closeAll(String reason) {
        connections
                .values()
                .forEach(connection -> close(connection.session, CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
    }

    /**
     * The node is shutting down: tells every agent so with 1012 (service restart), after which agents try
     * again every few seconds until the site is back.
     */
    void closeAllForRestart() {
        connections
                .values()
                .forEach(connection -> close(
                        connection.session, CloseReason.CloseCodes.SERVICE_RESTART, AgentEndpoint.SERVICE_RESTART));
    }

    /** The session of a client connected to this node. */
    public Optional<Session> session(UUID clientId) {
        return Optional.ofNullable(connections.get(clientId)).map(c -> c.session);
    }

    private void announce(UUID clientId, boolean online) {
        if (changes != null) {
            changes.fire(new AgentPresenceChanged(clientId, online));
        }
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "agent connection already gone", e);
        }
    }
}
