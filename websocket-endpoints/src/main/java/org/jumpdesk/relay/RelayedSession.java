package org.jumpdesk.relay;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.TerminalAck;
import org.jumpdesk.sessions.boundary.RecordedEvent;
import org.jumpdesk.sessions.boundary.SessionTicket;

/**
 * One session passing through this node: the two sockets, the byte counts, and the recording not yet
 * written. Output goes to the browser asynchronously; each chunk is acknowledged to the agent only once
 * the browser took it, which is what holds the agent back when the browser is slow.
 */
final class RelayedSession {

    private static final Logger LOG = Logger.getLogger(RelayedSession.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    final SessionTicket ticket;
    final Session browser;
    final Instant agentDeadline;
    private volatile Session agent;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong bytesToAgent = new AtomicLong();
    private final AtomicLong bytesFromAgent = new AtomicLong();
    private final Utf8Stream output = new Utf8Stream();
    private final Utf8Stream input = new Utf8Stream();
    /** When a byte last crossed the relay either way, for the idle timeout. */
    private volatile long lastTrafficNanos = startedNanos;

    private List<RecordedEvent> unwritten = new ArrayList<>();
    private final int columns;
    private final int rows;
    /** Whether the agent was asked to attach (at once, or at a passive client's check-in). */
    private final AtomicBoolean handedToAgent = new AtomicBoolean();

    RelayedSession(SessionTicket ticket, Session browser, Instant agentDeadline, int columns, int rows) {
        this.ticket = ticket;
        this.browser = browser;
        this.agentDeadline = agentDeadline;
        this.columns = columns;
        this.rows = rows;
    }

    UUID id() {
        return ticket.sessionId();
    }

    /** What tells the agent to attach; see {@link #takeForAgent()}. */
    SessionOpen sessionOpen() {
        return new SessionOpen(ticket.sessionId(), ticket.token(), columns, rows);
    }

    /** True once: whoever gets true hands {@link #sessionOpen()} to the agent. */
    boolean takeForAgent() {
        return handedToAgent.compareAndSet(false, true);
    }

    /** Whether the agent was asked to attach; see {@link #takeForAgent()}. */
    boolean handedToAgent() {
        return handedToAgent.get();
    }

    boolean agentAttached() {
        return agent != null;
    }

    /** Whether nothing crossed the relay, either way, for longer than the limit. */
    boolean idleLongerThan(Duration limit, long nowNanos) {
        return nowNanos - lastTrafficNanos > limit.toNanos();
    }

    void attach(Session agentSession) {
        this.agent = agentSession;
    }

    /** Terminal output: on to the browser, into the recording, acknowledged when the browser has it. */
    void fromAgent(ByteBuffer data) {
        int length = data.remaining();
        bytesFromAgent.addAndGet(length);
        lastTrafficNanos = System.nanoTime();
        record("o", output.decode(data));
        Session agentSession = agent;
        browser.getAsyncRemote().sendBinary(data, result -> {
            if (result.isOK() && agentSession != null && agentSession.isOpen()) {
                agentSession.getAsyncRemote().sendText(CODEC.encode(new TerminalAck(length)));
            }
        });
    }

    /** Keystrokes and pasted text from the representative (asynchronous sends keep their order). */
    void fromBrowser(ByteBuffer data) {
        Session agentSession = agent;
        if (agentSession == null) {
            return;
        }
        bytesToAgent.addAndGet(data.remaining());
        lastTrafficNanos = System.nanoTime();
        record("i", input.decode(data));
        agentSession.getAsyncRemote().sendBinary(data);
    }

    void toAgent(String message) {
        Session agentSession = agent;
        if (agentSession != null) {
            agentSession.getAsyncRemote().sendText(message);
        }
    }

    /** File bytes moved through a session channel count in the session's report like terminal bytes. */
    void transferred(long toAgentBytes, long fromAgentBytes) {
        bytesToAgent.addAndGet(toAgentBytes);
        bytesFromAgent.addAndGet(fromAgentBytes);
    }

    synchronized void record(String kind, String data) {
        if (!data.isEmpty()) {
            unwritten.add(new RecordedEvent((System.nanoTime() - startedNanos) / 1e9, kind, data));
        }
    }

    /** The recorded events since the last call. */
    synchronized List<RecordedEvent> takeUnwritten() {
        List<RecordedEvent> taken = unwritten;
        unwritten = new ArrayList<>();
        return taken;
    }

    synchronized int unwrittenCount() {
        return unwritten.size();
    }

    long bytesToAgent() {
        return bytesToAgent.get();
    }

    long bytesFromAgent() {
        return bytesFromAgent.get();
    }

    /** Pings the browser and, once attached, the agent. */
    void ping() {
        ping(browser);
        ping(agent);
    }

    private static void ping(Session socket) {
        if (socket == null || !socket.isOpen()) {
            return;
        }
        try {
            socket.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not ping a session socket", e);
        }
    }

    void closeAgent(CloseReason reason) {
        Sockets.close(agent, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    void closeBrowser(CloseReason reason) {
        Sockets.close(browser, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }
}
