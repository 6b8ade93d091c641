package org.jumpdesk.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customers' connections this node holds, by customer id: per-connection state only; who waits for
 * whom is in the database.
 */
@ApplicationScoped
public class CustomerConnections {

    private final Map<UUID, Session> connections = new ConcurrentHashMap<>();

    void connected(UUID customerId, Session session) {
        connections.put(customerId, session);
    }

    void disconnected(UUID customerId) {
        connections.remove(customerId);
    }

    /** The customer's open connection, when this node holds it. */
    public Optional<Session> session(UUID customerId) {
        return Optional.ofNullable(connections.get(customerId)).filter(Session::isOpen);
    }
}
