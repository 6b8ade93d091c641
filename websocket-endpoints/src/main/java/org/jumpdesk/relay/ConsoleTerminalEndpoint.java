package org.jumpdesk.relay;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agents.AgentPresence;
import org.jumpdesk.agents.AgentVersionCheck;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.customers.CustomerConnections;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.RepresentativeJoined;
import org.jumpdesk.protocol.TerminalResize;
import org.jumpdesk.sessions.boundary.SessionTicket;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The representative's terminal: {@code /console/terminal?client=<id>&columns=&rows=}, behind the console's
 * login like every console page. Opening it is the jump: checked by {@link SupportSessions#request}, then
 * the agent is asked over its own connection to attach. {@code session=<id>} instead of {@code client=}
 * opens a jump the representative started through the API ({@link SupportSessions#open}); with
 * {@code customer=<id>} it accepts an attended customer from the representative's queue, whose temporary
 * client attaches the same way. Binary frames carry terminal bytes both ways; text frames carry
 * {@code terminal-resize} from the browser and, to it, {@code {"type":"waiting"}} (a passive client),
 * {@code {"type":"started"}}, {@code {"type":"refused","code":…}} (the jump failed: a catalogue code) or
 * {@code {"type":"ended","outcome":…}} (see {@link SessionRelay} for the outcomes). A
 * {@code VERSION_MISMATCH} also starts the agent's update ({@link AgentVersionCheck}).
 */
@ServerEndpoint("/console/terminal")
public class ConsoleTerminalEndpoint {

    private static final Logger LOG = Logger.getLogger(ConsoleTerminalEndpoint.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    @EJB
    private SupportSessions supportSessions;

    @Inject
    private AgentPresence presence;

    @Inject
    private SessionRelay relay;

    @Inject
    private CustomerConnections customers;

    @Inject
    private AgentVersionCheck versionCheck;

    private RelayedSession relayed;

    @OnOpen
    public void onOpen(Session browser) {
        Principal user = browser.getUserPrincipal();
        if (user == null) {
            Sockets.close(browser, CloseCodes.VIOLATED_POLICY, "log in first");
            return;
        }
        UUID clientId;
        UUID customerId;
        UUID waitingSession;
        int columns;
        int rows;
        try {
            // A session started through the API is opened by its id, an attended customer by theirs; a
            // console jump names the client.
            String customer = parameter(browser, "customer");
            String session = parameter(browser, "session");
            customerId = customer == null ? null : UUID.fromString(customer);
            waitingSession = session == null ? null : UUID.fromString(session);
            clientId = customer == null && session == null ? UUID.fromString(parameter(browser, "client")) : null;
            columns = Integer.parseInt(parameter(browser, "columns"));
            rows = Integer.parseInt(parameter(browser, "rows"));
        } catch (IllegalArgumentException | NullPointerException e) {
            Sockets.close(
                    browser,
                    CloseCodes.VIOLATED_POLICY,
                    "expected client=<uuid>, session=<uuid> or customer=<uuid>, columns=<n>, rows=<n>");
            return;
        }
        Actor actor = Actor.user(user.getName());
        try {
            if (customerId != null) {
                acceptCustomer(browser, actor, customerId, columns, rows);
            } else {
                jump(
                        browser,
                        waitingSession == null
                                ? supportSessions.request(actor, clientId)
                                : supportSessions.open(actor, waitingSession),
                        columns,
                        rows);
            }
        } catch (JumpDeskException refusal) {
            if (refusal.status() == JumpDeskStatus.VERSION_MISMATCH && clientId != null) {
                versionCheck.check(clientId);
            }
            refuse(browser, refusal.status());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not ask for a session to " + (customerId != null ? customerId : clientId), e);
            if (relayed != null) {
                relay.end(relayed, JumpDeskStatus.SESSION_INTERNAL_ERROR.name());
            }
            refuse(browser, JumpDeskStatus.SESSION_INTERNAL_ERROR);
        }
    }

    private void jump(Session browser, SessionTicket ticket, int columns, int rows) {
        UUID clientId = ticket.clientId();
        Session agent = presence.session(clientId).orElse(null);
        // An active client whose agent is not connected went offline before the console knew.
        JumpDeskStatus unavailable = agent == null && !ticket.passive()
                ? JumpDeskStatus.JC_OFFLINE
                : agent != null && presence.disabled(clientId) ? JumpDeskStatus.DISABLED_BY_USER : null;
        if (unavailable != null) {
            supportSessions.end(ticket.sessionId(), unavailable.name(), 0, 0);
            refuse(browser, unavailable);
            return;
        }
        // A passive client is told at its next check-in; the representative sees the wait and may leave.
        relayed = relay.await(ticket, browser, Instant.now().plus(ticket.agentWait(agent != null)), columns, rows);
        if (agent == null) {
            browser.getAsyncRemote().sendText("{\"type\":\"waiting\"}");
        } else if (relayed.takeForAgent()) {
            agent.getAsyncRemote().sendText(CODEC.encode(relayed.sessionOpen()));
        }
    }

    /** The representative accepts an attended customer from their queue; the customer is told who joined. */
    private void acceptCustomer(Session browser, Actor actor, UUID customerId, int columns, int rows) {
        Session customer = customers
                .session(customerId)
                .orElseThrow(() -> JumpDeskStatus.CUSTOMER_NOT_WAITING.exception(
                        "customer " + customerId + " is not connected to this node"));
        SessionTicket ticket = supportSessions.acceptCustomer(actor, customerId);
        relayed = relay.await(ticket, browser, Instant.now().plus(ticket.agentWait(true)), columns, rows);
        relayed.takeForAgent();
        customer.getAsyncRemote().sendText(CODEC.encode(new RepresentativeJoined(actor.name())));
        customer.getAsyncRemote().sendText(CODEC.encode(relayed.sessionOpen()));
    }

    @OnMessage
    public void onInput(ByteBuffer keystrokes, Session browser) {
        if (relayed != null) {
            relayed.fromBrowser(keystrokes);
            relay.recorded(relayed);
        }
    }

    @OnMessage
    public void onControl(String text, Session browser) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            Sockets.close(browser, CloseCodes.NOT_CONSISTENT, e.getMessage());
            return;
        }
        if (relayed != null && message instanceof TerminalResize resize) {
            relayed.record("r", resize.columns() + "x" + resize.rows());
            relayed.toAgent(text);
        }
    }

    @OnClose
    public void onClose(Session browser) {
        if (relayed != null) {
            relay.browserLeft(relayed);
        }
    }

    @OnError
    public void onError(Session browser, Throwable failure) {
        LOG.log(failure instanceof IOException ? Level.FINE : Level.WARNING, "console terminal failed", failure);
    }

    /** Tells the browser why the jump failed, and closes. */
    static void refuse(Session browser, JumpDeskStatus status) {
        sendAndClose(browser, "{\"type\":\"refused\",\"code\":\"" + status.name() + "\"}");
    }

    /** Tells the browser the session ended (on the agent's side, or by the idle timeout), and why. */
    static void ended(Session browser, String outcome) {
        sendAndClose(browser, "{\"type\":\"ended\",\"outcome\":\"" + outcome + "\"}");
    }

    /** The session runs; its id lets the page reach the session's files and system information. */
    static void started(Session browser, UUID sessionId) {
        browser.getAsyncRemote().sendText("{\"type\":\"started\",\"session\":\"" + sessionId + "\"}");
    }

    private static void sendAndClose(Session browser, String message) {
        if (!browser.isOpen()) {
            return;
        }
        try {
            browser.getBasicRemote().sendText(message);
        } catch (IOException e) {
            LOG.log(Level.FINE, "console terminal already gone", e);
        }
        Sockets.close(browser, CloseCodes.NORMAL_CLOSURE, "session over");
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
