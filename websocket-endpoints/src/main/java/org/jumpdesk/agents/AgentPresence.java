package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agents connected to this node, and when each was last heard from. Per-connection state only, as
 * every node keeps its own; nothing here is written to the database per heartbeat.
 */
@ApplicationScoped
public class AgentPresence {

    private static final Logger LOG = Logger.getLogger(AgentPresence.class.getName());

    /** One live connection: its session and when the agent last sent anything. */
    private static final class Connection {

        private final Session session;
        private volatile Instant lastHeard;
        private volatile boolean disabled;

        private Connection(Session session, Instant lastHeard) {
            this.session = session;
            this.lastHeard = lastHeard;
        }
    }

    private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();

    /** Messages heard from agents since this node started (heartbeats and reports), for operators' metrics. */
    private final LongAdder messagesHeard = new LongAdder();

    /** Null outside a CDI container (the in-process endpoint tests build this class themselves). */
    @Inject
    private Event<AgentPresenceChanged> changes;

    /** An agent authenticated on a session; an older session of the same client is closed. */
    public void connected(UUID clientId, Session session, Instant now) {
        Connection previous = connections.put(clientId, new Connection(session, now));
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
            connection.lastHeard = now;
        }
    }

    /** The session ended; forgets the client unless a newer session already replaced it. */
    public void disconnected(UUID clientId, Session session) {
        Connection connection = connections.get(clientId);
        if (connection != null && connection.session == session && connections.remove(clientId, connection)) {
            announce(clientId, false);
        }
    }

    /** How many agents are connected to this node now. */
    public int connectedCount() {
        return connections.size();
    }

    /** How many messages agents sent to this node since it started; its rate is the heartbeat rate. */
    public long messagesHeard() {
        return messagesHeard.sum();
    }

    public boolean online(UUID clientId) {
        return connections.containsKey(clientId);
    }

    /** The remote user allowed or refused sessions (the agent's local disable / enable). */
    public void availability(UUID clientId, boolean disabled) {
        Connection connection = connections.get(clientId);
        if (connection != null && connection.disabled != disabled) {
            connection.disabled = disabled;
            announce(clientId, true);
        }
    }

    /** Whether the connected agent's user has disabled it; jumps to it are refused with DISABLED_BY_USER. */
    public boolean disabled(UUID clientId) {
        Connection connection = connections.get(clientId);
        return connection != null && connection.disabled;
    }

    /** When each connected client was last heard from, for the batched last-contact write. */
    public Map<UUID, Instant> lastHeard() {
        Map<UUID, Instant> heard = new HashMap<>();
        connections.forEach((id, connection) -> heard.put(id, connection.lastHeard));
        return heard;
    }

    /**
     * Closes the connections of agents silent for longer than allowed (three missed heartbeats): they are
     * offline from now on.
     *
     * @return how many were closed
     */
    public int closeSilent(Duration allowedSilence, Instant now) {
        int closed = 0;
        for (Map.Entry<UUID, Connection> entry : connections.entrySet()) {
            if (entry.getValue().lastHeard.plus(allowedSilence).isBefore(now)) {
                LOG.fine(() -> "agent " + entry.getKey() + " missed its heartbeats");
                if (connections.remove(entry.getKey(), entry.getValue())) {
                    announce(entry.getKey(), false);
                }
                close(entry.getValue().session, CloseReason.CloseCodes.GOING_AWAY, "missed heartbeats");
                closed++;
            }
        }
        return closed;
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
