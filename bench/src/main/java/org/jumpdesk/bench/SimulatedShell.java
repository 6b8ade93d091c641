package org.jumpdesk.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.SessionAttach;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.TerminalAck;

/**
 * A simulated agent's side of one support session, as the real agent's {@code TerminalSession} does it: a
 * connection of its own to {@code /agent-session}, {@code session-attach} with the jump's token as the
 * first message, then a shell: a prompt at once, and every keystroke echoed back as a terminal in cooked
 * mode does. Output waits while more than {@link #WINDOW} bytes are unacknowledged by {@code terminal-ack}.
 */
final class SimulatedShell implements WebSocket.Listener {

    /** The real agent's window of unacknowledged output. */
    static final long WINDOW = 512 * 1024;

    static final byte[] PROMPT = "bench@simulated:~$ ".getBytes(StandardCharsets.UTF_8);

    private static final MessageCodec CODEC = new MessageCodec();

    private final SessionOpen request;
    private final Runnable opened;
    private final Queue<ByteBuffer> held = new ArrayDeque<>();
    private CompletableFuture<WebSocket> sends = CompletableFuture.completedFuture(null);
    private WebSocket site;
    private long unacknowledged;
    private StringBuilder partial;

    /** @param opened told when the session socket is open, before anything is sent on it */
    SimulatedShell(SessionOpen request, Runnable opened) {
        this.request = request;
        this.opened = opened;
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket) {
        opened.run();
        site = webSocket;
        send(ws -> ws.sendText(CODEC.encode(new SessionAttach(request.sessionId(), request.token())), true));
        output(ByteBuffer.wrap(PROMPT));
        webSocket.request(1);
    }

    /** Keystrokes from the representative: the terminal echoes them. */
    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        ByteBuffer echo = ByteBuffer.allocate(data.remaining()).put(data).flip();
        synchronized (this) {
            output(echo);
        }
        webSocket.request(1);
        return null;
    }

    /** {@code terminal-ack} opens the window again; {@code terminal-resize} changes nothing here. */
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || partial != null) {
            partial = partial == null ? new StringBuilder() : partial;
            partial.append(data);
        }
        if (last) {
            String text = partial == null ? data.toString() : partial.toString();
            partial = null;
            Message message = CODEC.decode(text);
            if (message instanceof TerminalAck ack) {
                synchronized (this) {
                    unacknowledged -= ack.bytes();
                    release();
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    private void output(ByteBuffer bytes) {
        held.add(bytes);
        release();
    }

    private void release() {
        while (!held.isEmpty() && unacknowledged <= WINDOW) {
            ByteBuffer next = held.remove();
            unacknowledged += next.remaining();
            send(ws -> ws.sendBinary(next, true));
        }
    }

    private void send(java.util.function.Function<WebSocket, CompletableFuture<WebSocket>> operation) {
        WebSocket webSocket = site;
        sends = sends.exceptionally(failure -> null).thenCompose(ignored -> operation.apply(webSocket));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        // The session is over; the representative's side reports how it ended.
    }
}
