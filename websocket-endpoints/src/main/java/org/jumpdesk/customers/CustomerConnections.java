package org.jumpdesk.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;

/**
 * The customers' connections this node holds, by customer id: per-connection state only; who waits for
 * whom is in the database.
 */
@ApplicationScoped
public class CustomerConnections {

    private static final MessageCodec CODEC = new MessageCodec();

    private final Map<UUID, Session> connections = new ConcurrentHashMap<>();

    void connected(UUID customerId, Session session) {
        connections.put(customerId, session);
    }

    void disconnected(UUID customerId) {
        connections.remove(customerId);
    }

    /**
     * Sends a message to the customer's client, when this node holds its connection.
     *
     * @return whether it was handed to the connection
     */
    public boolean send(UUID customerId, Message message) {
        Optional<Session> session = session(customerId);
        session.ifPresent(open -> open.getAsyncRemote().sendText(CODEC.encode(message)));
        return session.isPresent();
    }

    /** The customer's open connection, when this node holds it. */
    public Optional<Session> session(UUID customerId) {
        return Optional.ofNullable(connections.get(customerId)).filter(Session::isOpen);
    }
}
