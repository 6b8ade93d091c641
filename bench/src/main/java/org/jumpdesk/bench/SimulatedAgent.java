package org.jumpdesk.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.protocol.Challenge;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.Welcome;

/**
 * One simulated Jump Client on the JDK's WebSocket client: the real protocol (challenge, {@code register}
 * with an installer key, {@code hello} signed with its own Ed25519 key, heartbeats, statistics, and
 * {@code session-open}, answered by a {@link SimulatedShell}) and the
 * real agent's reconnection rules, in a few hundred bytes of state. Its {@link AgentFleet} decides when it
 * connects and what it sends.
 */
final class SimulatedAgent implements WebSocket.Listener {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final CompletableFuture<WebSocket> IDLE = CompletableFuture.completedFuture(null);

    private final AgentFleet fleet;
    private final int index;
    private final SimulatedAgentKey key;
    private final String publicKey;

    /** Where the agent is: waiting to (re)connect, connecting (until welcomed), connected. */
    enum State {
        IDLE,
        CONNECTING,
        CONNECTED
    }

    private volatile UUID clientId;
    private volatile WebSocket socket;
    volatile State state = State.IDLE;
    private String nonce;
    private StringBuilder partial;
    private CompletableFuture<WebSocket> sends = IDLE;

    /** Failed attempts since the last welcome, for the backoff. */
    int attempts;

    /** When the site closed the connection for a restart (System.nanoTime), 0 since the last welcome. */
    volatile long restartAnnounced;

    /** When the current connection attempt began (System.nanoTime). */
    long connectingSince;

    /** The welcome's intervals, and when the next heartbeat and statistics are due (System.nanoTime). */
    long heartbeatNanos;

    long statisticsNanos;
    long heartbeatDue;
    long statisticsDue;

    SimulatedAgent(AgentFleet fleet, int index, SimulatedAgentKey key) {
        this.fleet = fleet;
        this.index = index;
        this.key = key;
        this.publicKey = key.encodedPublicKey();
    }

    int index() {
        return index;
    }

    UUID clientId() {
        return clientId;
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    /** A new connection is open; called before any message on it arrives. */
    @Override
    public synchronized void onOpen(WebSocket webSocket) {
        socket = webSocket;
        sends = IDLE;
        partial = null;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || partial != null) {
            if (partial == null) {
                partial = new StringBuilder();
            }
            partial.append(data);
        }
        if (last) {
            String text = partial == null ? data.toString() : partial.toString();
            partial = null;
            receive(CODEC.decode(text));
        }
        webSocket.request(1);
        return null;
    }

    private void receive(Message message) {
        if (message instanceof Challenge challenge) {
            nonce = challenge.nonce();
            UUID id = clientId;
            sendText(CODEC.encode(id == null ? registration(nonce) : hello(id, nonce)));
        } else if (message instanceof Registered registered) {
            clientId = registered.clientId();
            fleet.registered();
            sendText(CODEC.encode(hello(registered.clientId(), nonce)));
        } else if (message instanceof Welcome welcome) {
            nonce = null;
            attempts = 0;
            fleet.welcomed(this, welcome);
        } else if (message instanceof SessionOpen open) {
            fleet.openSession(this, open);
        }
    }

    private Register registration(String challenge) {
        return new Register(
                fleet.installerKey(),
                publicKey,
                key.sign(AgentAuthentication.signedText(challenge, "register")),
                hostname(),
                "Linux (simulated)",
                fleet.agentVersion(),
                null,
                null,
                null);
    }

    private Hello hello(UUID id, String challenge) {
        return new Hello(
                id,
                hostname(),
                "Linux (simulated)",
                fleet.agentVersion(),
                key.sign(AgentAuthentication.signedText(challenge, id.toString())));
    }

    private String hostname() {
        return "bench-" + index;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        long sentAt = message.remaining() >= Long.BYTES ? message.getLong() : 0;
        webSocket.request(1);
        fleet.pong(this, sentAt);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (lost(webSocket)) {
            fleet.closed(this, statusCode, reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (lost(webSocket)) {
            fleet.broke(this, error);
        }
    }

    /** Whether the connection that ended is the current one (not one given up on earlier). */
    private synchronized boolean lost(WebSocket webSocket) {
        if (webSocket != socket) {
            return false;
        }
        socket = null;
        return true;
    }

    /** Sends a text message after the ones before it (the JDK client allows one outstanding send). */
    void sendText(String text) {
        send(webSocket -> webSocket.sendText(text, true));
    }

    /** Sends a ping carrying the time it was sent, answered by a pong the fleet times. */
    void ping() {
        send(webSocket -> webSocket.sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, System.nanoTime())));
    }

    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> operation) {
        WebSocket webSocket = socket;
        if (webSocket == null) {
            return;
        }
        sends = sends.exceptionally(failure -> null).thenCompose(ignored -> operation.apply(webSocket));
    }

    boolean hasSocket() {
        return socket != null;
    }

    /** Drops the connection without a close handshake, as a machine switched off would. */
    synchronized void abort() {
        WebSocket webSocket = socket;
        socket = null;
        if (webSocket != null) {
            webSocket.abort();
        }
    }
}
