package org.jumpdesk.relay;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.sessions.boundary.SessionTicket;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The sessions this node relays, by id: per-connection state of the two sockets it holds, nothing else.
 * A session starts waiting for its agent when the representative's terminal opens; the agent has the
 * site's connect timeout to attach, or the jump ends with {@code CONNECT_TIMEOUT}; an active agent whose
 * connection drops before it attaches ends it with {@code ACTIVE_NOT_CONNECTED}. A started session ends
 * by either side, by the agent's connection breaking, or after {@code session_idle_timeout_minutes}
 * without a byte either way; each end has its outcome, which the representative's terminal is told.
 */
@ApplicationScoped
public class SessionRelay {

    /** Outcomes recorded when a session ends other than by a catalogue refusal. */
    static final String ENDED_BY_REPRESENTATIVE = "ENDED_BY_REPRESENTATIVE";

    static final String ENDED_BY_AGENT = "ENDED_BY_AGENT";

    /** The representative left before the agent attached (a passive client's wait, usually). */
    static final String CANCELLED_BY_REPRESENTATIVE = "CANCELLED_BY_REPRESENTATIVE";

    /** The agent's session connection broke (machine off, network gone, agent killed). */
    public static final String AGENT_DISCONNECTED = "AGENT_DISCONNECTED";

    static final String IDLE_TIMEOUT = "IDLE_TIMEOUT";

    private static final Logger LOG = Logger.getLogger(SessionRelay.class.getName());
    private static final int RECORDING_BATCH = 200;

    @EJB
    private SupportSessions supportSessions;

    private final Map<UUID, RelayedSession> sessions = new ConcurrentHashMap<>();

    /** The representative's terminal waits for the agent to attach. */
    RelayedSession await(SessionTicket ticket, Session browser, Instant agentDeadline, int columns, int rows) {
        RelayedSession session = new RelayedSession(ticket, browser, agentDeadline, columns, rows);
        sessions.put(ticket.sessionId(), session);
        return session;
    }

    /** Ends the jumps whose agent did not attach in time (checked by the node's housekeeping timer). */
    public void expireWaiting(Instant now) {
        for (RelayedSession session : sessions.values()) {
            if (!session.agentAttached()
                    && now.isAfter(session.agentDeadline)
                    && end(session, JumpDeskStatus.CONNECT_TIMEOUT.name())) {
                ConsoleTerminalEndpoint.refuse(session.browser, JumpDeskStatus.CONNECT_TIMEOUT);
            }
        }
    }

    /** Ends the started sessions through which nothing passed for longer than the limit. */
    public void endIdle(Duration limit) {
        long now = System.nanoTime();
        for (RelayedSession session : sessions.values()) {
            if (session.agentAttached() && session.idleLongerThan(limit, now) && end(session, IDLE_TIMEOUT)) {
                // The agent first, so it learns why (the browser's close would end it "by the representative").
                session.closeAgent(new CloseReason(CloseCodes.NORMAL_CLOSURE, "idle for " + limit));
                ConsoleTerminalEndpoint.ended(session.browser, IDLE_TIMEOUT);
            }
        }
    }

    /**
     * Pings both sides of every session. The listener closes a connection it has not read from for 90 s
     * (Undertow's read timeout), and a representative who only watches, or a quiet shell, sends nothing;
     * the pongs are reads. They are not traffic for the idle timeout.
     */
    public void keepAlive() {
        for (RelayedSession session : sessions.values()) {
            session.ping();
        }
    }

    /**
     * An active client's agent connection closed: the jumps it was asked to attach to and did not are
     * {@code ACTIVE_NOT_CONNECTED}. (A passive agent disconnects after each check-in; its jumps wait.)
     */
    public void agentDisconnected(UUID clientId) {
        for (RelayedSession session : sessions.values()) {
            if (session.ticket.clientId().equals(clientId)
                    && !session.ticket.passive()
                    && session.handedToAgent()
                    && !session.agentAttached()
                    && end(session, JumpDeskStatus.ACTIVE_NOT_CONNECTED.name())) {
                ConsoleTerminalEndpoint.refuse(session.browser, JumpDeskStatus.ACTIVE_NOT_CONNECTED);
            }
        }
    }

    /**
     * A passive client checked in: the jump waiting for it, if one waits on this node and was not handed
     * to the agent yet.
     */
    public Optional<SessionOpen> waitingFor(UUID clientId) {
        return sessions.values().stream()
                .filter(session -> clientId.equals(session.ticket.clientId()) && session.takeForAgent())
                .findFirst()
                .map(RelayedSession::sessionOpen);
    }

    /** The agent's session connection, its token already accepted. */
    Optional<RelayedSession> agentAttached(UUID sessionId, Session agent) {
        RelayedSession session = sessions.get(sessionId);
        if (session != null) {
            session.attach(agent);
        }
        return Optional.ofNullable(session);
    }

    Optional<RelayedSession> find(UUID sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Writes the recording in batches, so a busy terminal does not write a row per chunk. */
    void recorded(RelayedSession session) {
        if (session.unwrittenCount() >= RECORDING_BATCH) {
            writeRecording(session);
        }
    }

    /** The representative closed the terminal, or left the page while waiting (which cancels the jump). */
    void browserLeft(RelayedSession session) {
        // Ended first: closing the agent's side calls back into agentLeft, which must find it over.
        end(session, session.agentAttached() ? ENDED_BY_REPRESENTATIVE : CANCELLED_BY_REPRESENTATIVE);
        session.closeAgent(new CloseReason(CloseCodes.NORMAL_CLOSURE, "ended by the representative"));
    }

    /**
     * The agent's side ended: its shell exited (1000), the agent could not start a shell (1011, a
     * {@code SESSION_INTERNAL_ERROR}), or the connection broke.
     */
    void agentLeft(RelayedSession session, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        String outcome = code == CloseCodes.NORMAL_CLOSURE.getCode()
                ? ENDED_BY_AGENT
                : code == CloseCodes.UNEXPECTED_CONDITION.getCode()
                        ? JumpDeskStatus.SESSION_INTERNAL_ERROR.name()
                        : AGENT_DISCONNECTED;
        if (end(session, outcome)) {
            ConsoleTerminalEndpoint.ended(session.browser, outcome);
        }
    }

    /** An attended customer ended their session, or left: the representative is told why. */
    public void customerEnded(UUID customerId, String outcome) {
        for (RelayedSession session : sessions.values()) {
            if (customerId.equals(session.ticket.customerId()) && end(session, outcome)) {
                ConsoleTerminalEndpoint.ended(session.browser, outcome);
                session.closeAgent(new CloseReason(CloseCodes.NORMAL_CLOSURE, "ended by the customer"));
            }
        }
    }

    /** Ends the session once: false when it was already over. */
    boolean end(RelayedSession session, String outcome) {
        if (sessions.remove(session.id()) == null) {
            return false;
        }
        try {
            supportSessions.end(
                    session.id(), outcome, session.bytesToAgent(), session.bytesFromAgent(), session.takeUnwritten());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the end of session " + session.id(), e);
        }
        return true;
    }

    private void writeRecording(RelayedSession session) {
        var events = session.takeUnwritten();
        if (!events.isEmpty()) {
            supportSessions.record(session.id(), events);
        }
    }

    @PreDestroy
    void endAll() {
        sessions.values().forEach(session -> end(session, JumpDeskStatus.SESSION_INTERNAL_ERROR.name()));
    }
}
