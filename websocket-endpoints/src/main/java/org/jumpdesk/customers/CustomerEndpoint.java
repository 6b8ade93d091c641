package org.jumpdesk.customers;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.attended.boundary.ArrivedCustomer;
import org.jumpdesk.attended.boundary.AttendedSessions;
import org.jumpdesk.attended.boundary.CustomerMachine;
import org.jumpdesk.pinning.boundary.SessionPins;
import org.jumpdesk.protocol.CustomerEnd;
import org.jumpdesk.protocol.CustomerHello;
import org.jumpdesk.protocol.CustomerQueued;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.PinAnswer;
import org.jumpdesk.protocol.PinFailed;
import org.jumpdesk.relay.SessionRelay;
import org.jumpdesk.shared.InputViolations;
import org.jumpdesk.shared.JumpDeskException;

/**
 * An attended customer's temporary client. Its first message is {@code customer-hello} with the session
 * key; accepted, the customer waits in the representative's queue ({@code customer-queued}) until the
 * representative accepts, when the site sends {@code representative-joined} and {@code session-open}.
 * The customer may end at any time ({@code customer-end}); closing the connection leaves the queue. During
 * a session the site may ask the client to pin itself ({@code pin-request}, sent by {@link CustomerConnections});
 * the client answers {@code pin-answer} and, when the installation fails, {@code pin-failed}.
 */
@ServerEndpoint("/customer")
public class CustomerEndpoint {

    /** The outcome of a session the customer ended. */
    public static final String ENDED_BY_CUSTOMER = "ENDED_BY_CUSTOMER";

    private static final Logger LOG = Logger.getLogger(CustomerEndpoint.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    @EJB
    private AttendedSessions attendedSessions;

    @Inject
    private CustomerConnections connections;

    @Inject
    private SessionRelay relay;

    @EJB
    private SessionPins sessionPins;

    private UUID customerId;

    /** The customer said {@code customer-end}: whatever the close looks like, they left. */
    private volatile boolean ended;

    @OnMessage(maxMessageSize = 16 * 1024)
    public void onMessage(String text, Session session) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            Sockets.close(session, CloseCodes.NOT_CONSISTENT, e.getMessage());
            return;
        }
        if (customerId == null && message instanceof CustomerHello hello) {
            arrive(hello, session);
        } else if (customerId != null && message instanceof CustomerEnd) {
            ended = true;
            relay.customerEnded(customerId, ENDED_BY_CUSTOMER);
            Sockets.close(session, CloseCodes.NORMAL_CLOSURE, "ended by the customer");
        } else if (customerId != null && message instanceof PinAnswer answer) {
            sessionPins.answer(customerId, answer.pinId(), answer.allowed());
        } else if (customerId != null && message instanceof PinFailed failed) {
            sessionPins.failed(customerId, failed.pinId(), failed.reason());
        } else {
            Sockets.close(
                    session, CloseCodes.VIOLATED_POLICY, "'" + message.type().wireName() + "' is out of place here");
        }
    }

    private void arrive(CustomerHello hello, Session session) {
        ArrivedCustomer arrived;
        try {
            arrived = attendedSessions.arrive(
                    hello.sessionKey(), new CustomerMachine(hello.hostname(), hello.operatingSystem(), hello.user()));
        } catch (JumpDeskException refusal) {
            Sockets.close(
                    session, refusal.status().closeCode(), refusal.status().name());
            return;
        } catch (RuntimeException e) {
            var violations = InputViolations.find(e);
            if (violations == null) {
                throw e;
            }
            Sockets.close(
                    session,
                    CloseCodes.VIOLATED_POLICY,
                    InputViolations.refusal(violations).getMessage());
            return;
        }
        customerId = arrived.customerId();
        connections.connected(customerId, session);
        session.getAsyncRemote().sendText(CODEC.encode(new CustomerQueued(arrived.representative())));
    }

    /**
     * A customer who ended, or whose client closed normally (the session is over), has left; a connection
     * that broke leaves them disconnected (see {@link AttendedSessions#disconnected}).
     */
    @OnClose
    public void onClose(Session session, CloseReason reason) {
        if (customerId != null) {
            connections.disconnected(customerId);
            boolean normal = ended || reason.getCloseCode().getCode() == CloseCodes.NORMAL_CLOSURE.getCode();
            relay.customerEnded(customerId, normal ? ENDED_BY_CUSTOMER : SessionRelay.AGENT_DISCONNECTED);
            if (normal) {
                attendedSessions.left(customerId);
            } else {
                attendedSessions.disconnected(customerId);
            }
        }
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        LOG.log(failure instanceof IOException ? Level.FINE : Level.WARNING, "customer connection failed", failure);
    }
}
