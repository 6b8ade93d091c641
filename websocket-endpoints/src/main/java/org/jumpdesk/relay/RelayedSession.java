package org.jumpdesk.relay;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
    private final CharsetDecoder output = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
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

    boolean agentAttached() {
        return agent != null;
    }

    void attach(Session agentSession) {
        this.agent = agentSession;
    }

    /** Terminal output: on to the browser, into the recording, acknowledged when the browser has it. */
    void fromAgent(ByteBuffer data) {
        int length = data.remaining();
        bytesFromAgent.addAndGet(length);
        record("o", decode(data.duplicate()));
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
        record("i", StandardCharsets.UTF_8.decode(data.duplicate()).toString());
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

    private synchronized String decode(ByteBuffer data) {
        CharBuffer text = CharBuffer.allocate(data.remaining() + 1);
        output.decode(data, text, false);
        return text.flip().toString();
    }

    void closeAgent(CloseReason reason) {
        Sockets.close(agent, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    void closeBrowser(CloseReason reason) {
        Sockets.close(browser, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }
}
