package org.jumpdesk.agents;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.AgentAuthentication;
import org.jumpdesk.protocol.Availability;
import org.jumpdesk.protocol.Challenge;
import org.jumpdesk.protocol.Heartbeat;
import org.jumpdesk.protocol.Hello;
import org.jumpdesk.protocol.MalformedMessageException;
import org.jumpdesk.protocol.Message;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.MessageType;
import org.jumpdesk.protocol.Register;
import org.jumpdesk.protocol.Registered;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.Uninstalling;
import org.jumpdesk.relay.SessionRelay;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * One agent connection. The container makes an instance per connection, so the fields are this
 * connection's state and nothing else.
 *
 * <p>Rules: on open the site sends a {@code challenge}; the agent signs it in its first message, which is
 * {@code register} (a new machine, answered with {@code registered}) or
 * {@code hello}; after {@code register} comes {@code hello}; then only agent-sent types. Anything else
 * closes the connection with a code that says why: 1007 for a frame that is not a message, 1008 for a
 * message out of place, 1009 (by the container) for a frame over {@link #MAX_MESSAGE_CHARS}, the status's
 * own code for a refusal of the site ({@link JumpDeskStatus#closeCode()}), 1011 when the site fails.
 */
@ServerEndpoint("/agent")
public class AgentEndpoint {

    /** Largest text frame accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(AgentEndpoint.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    /** The reason given with 1012 when the node shuts down; the agent comes back every few seconds. */
    static final String SERVICE_RESTART = "service restart";

    @Inject
    private AgentDirectory directory;

    @Inject
    private AgentPresence presence;

    @Inject
    private ConnectionAdmission admission;

    @Inject
    private SessionRelay relay;

    @Inject
    private HelloBatches hellos;

    /** This connection's challenge, until the hello it was for is accepted (then spent, and let go). */
    private String nonce = AgentAuthentication.newNonce();
    /** This connection in the cluster's presence table. */
    private final UUID connectionId = UUID.randomUUID();

    /** The client, once its hello is answered with a welcome (given on the thread of the hello's batch). */
    private volatile UUID clientId;
    /** Its hello was sent: a second one is out of place, even before the first is answered. */
    private boolean helloSent;
    /** Closed: a welcome that comes after the close must not make this connection the client's. */
    private boolean closed;

    private boolean registered;
    /** The agent's version while it differs from the release and no update could be offered yet. */
    private String awaitingUpdate;
    /** Admitted and not yet welcomed: holds one of the node's admission slots. */
    private boolean awaitingWelcome;

    /** For the container, which injects {@link #directory}. */
    public AgentEndpoint() {}

    AgentEndpoint(
            AgentDirectory directory,
            AgentPresence presence,
            ConnectionAdmission admission,
            SessionRelay relay,
            HelloBatches hellos) {
        this.directory = directory;
        this.presence = presence;
        this.admission = admission;
        this.relay = relay;
        this.hellos = hellos;
    }

    /**
     * Sends the challenge once the node admits the connection at its rate (the connection waits in line
     * until then), or closes it with 1013 (try again later) and {@code retry-after=<seconds>} when the line
     * is full, or with 1012 (service restart) while the node shuts down.
     */
    @OnOpen
    public void onOpen(Session session) {
        if (admission.isClosing()) {
            close(session, CloseCodes.SERVICE_RESTART, SERVICE_RESTART);
            return;
        }
        switch (admission.enter(() -> admitted(session))) {
            case ADMITTED -> challenge(session);
            case WAITING -> LOG.finest("agent connection waits for an admission slot");
            case REFUSED -> close(session, CloseCodes.TRY_AGAIN_LATER, "retry-after=" + admission.retryAfterSeconds());
        }
    }

    /** A slot was freed for this waiting connection: its hello starts, unless it closed meanwhile. */
    private boolean admitted(Session session) {
        if (!session.isOpen()) {
            return false;
        }
        challenge(session);
        return true;
    }

    private synchronized void challenge(Session session) {
        awaitingWelcome = true;
        session.getAsyncRemote().sendText(CODEC.encode(new Challenge(nonce)));
        if (!session.isOpen()) {
            // Closed while its slot was being taken: onClose may have run before the slot was this one's.
            settleAdmission(false);
        }
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_CHARS)
    public void onMessage(String text, Session session) {
        Message message;
        try {
            message = CODEC.decode(text);
        } catch (MalformedMessageException e) {
            close(session, CloseCodes.NOT_CONSISTENT, e.getMessage());
            return;
        }
        if (!message.type().sentBy(MessageType.Sender.AGENT)) {
            close(session, CloseCodes.VIOLATED_POLICY, "'" + message.type().wireName() + "' is sent by the site only");
        } else if (message instanceof Register registration) {
            refusing(session, () -> onRegister(registration, session));
        } else if (message instanceof Hello hello) {
            onHello(hello, session);
        } else if (clientId == null) {
            close(session, CloseCodes.VIOLATED_POLICY, "'hello' must be the first message");
        } else {
            presence.heard(clientId, Instant.now());
            if (message instanceof Heartbeat) {
                LOG.finest(() -> "heartbeat from " + clientId);
            } else if (message instanceof Availability availability) {
                if (presence.availabilityChanged(clientId, availability.disabled())) {
                    refusing(
                            session,
                            () -> directory.availabilityChanged(clientId, connectionId, availability.disabled()));
                    presence.announce(clientId);
                }
            } else if (message instanceof Statistics statistics) {
                // Asked at each report (every few minutes), not kept per connection for hours.
                refusing(session, () -> directory.statistics(clientId, statistics, PeerAddress.of(session)));
                if (awaitingUpdate != null) {
                    offerUpdate(session, awaitingUpdate);
                }
            } else if (message instanceof Uninstalling) {
                refusing(session, () -> {
                    directory.uninstalled(clientId);
                    close(session, JumpDeskStatus.JC_UNINSTALLED.closeCode(), "uninstalled");
                });
            }
        }
    }

    private void onRegister(Register registration, Session session) {
        if (helloSent || registered) {
            close(session, CloseCodes.VIOLATED_POLICY, "'register' must be the first message");
            return;
        }
        Registered answer = directory.register(registration, nonce);
        registered = true;
        session.getAsyncRemote().sendText(CODEC.encode(answer));
        LOG.fine(() -> "registered Jump Client " + answer.clientId() + " for " + registration.hostname());
    }

    /** Runs a step; a refusal of the site closes the connection with the refusal's own code. */
    private void refusing(Session session, Runnable step) {
        try {
            step.run();
        } catch (JumpDeskException refusal) {
            refused(session, refusal);
        }
    }

    private void refused(Session session, JumpDeskException refusal) {
        LOG.fine(() -> "agent connection " + clientId + " refused: " + refusal.getMessage());
        close(session, refusal.status().closeCode(), refusal.getMessage());
    }

    private void onHello(Hello hello, Session session) {
        if (helloSent) {
            close(session, CloseCodes.VIOLATED_POLICY, "'hello' was already sent on this connection");
            return;
        }
        helloSent = true;
        hellos.submit(
                new AgentDirectory.Connecting(hello, nonce, connectionId), answer -> answered(hello, answer, session));
    }

    /** The site answered the hello: a welcome makes this connection the client's, unless it closed meanwhile. */
    private void answered(Hello hello, AgentDirectory.Answer answer, Session session) {
        if (answer.failure() instanceof JumpDeskException refusal) {
            refused(session, refusal);
            return;
        } else if (answer.failure() != null) {
            onError(session, answer.failure());
            return;
        }
        AgentDirectory.Welcomed welcomed = answer.welcomed();
        synchronized (this) {
            if (!closed) {
                awaitingUpdate = welcomed.onRelease() ? null : hello.agentVersion();
                nonce = null;
                // Interned: the agents of a site run a handful of versions, and each connection keeps it.
                session.getUserProperties()
                        .put(
                                AgentVersionCheck.AGENT_VERSION,
                                hello.agentVersion().intern());
                // Only an authenticated hello makes this connection the client's.
                clientId = hello.clientId();
                presence.connected(clientId, connectionId, session, Instant.now());
            }
        }
        if (clientId == null) {
            // Closed before its welcome. Its presence row names this connection, so nobody else releases it,
            // unless the node stops and keeps its rows for the agents' return.
            if (!admission.isClosing()) {
                release(hello.clientId(), null);
            }
            return;
        }
        // The offer and a waiting jump go first: a passive agent disconnects as soon as it is welcomed.
        welcomed.update().ifPresent(update -> session.getAsyncRemote().sendText(CODEC.encode(update)));
        relay.waitingFor(clientId).ifPresent(jump -> session.getAsyncRemote().sendText(CODEC.encode(jump)));
        session.getAsyncRemote().sendText(CODEC.encode(welcomed.welcome()));
        settleAdmission(true);
        LOG.fine(() -> "agent " + clientId + " connected from " + hello.hostname());
    }

    /**
     * Offers the release to an agent on another version. Until the agent comes back on the release (all
     * upgrade slots were taken, or its download failed) the offer is made again at each statistics report.
     */
    private void offerUpdate(Session session, String agentVersion) {
        directory.updateFor(clientId, agentVersion).ifPresent(update -> session.getAsyncRemote()
                .sendText(CODEC.encode(update)));
        awaitingUpdate = directory.runsRelease(agentVersion) ? null : agentVersion;
    }

    /**
     * Forgets the session at once (jumps must not be sent to it), releases the client's presence unless a
     * newer connection replaced this one, then tells consoles.
     */
    @OnClose
    public void onClose(Session session, CloseReason reason) {
        settleAdmission(false);
        UUID client;
        synchronized (this) {
            closed = true;
            client = clientId;
        }
        if (client != null) {
            Instant lastHeard = presence.disconnected(client, session);
            // A node that stops keeps its connections for its agents' return (ThisNode): one transaction
            // per agent would hold up the shutdown, and each release writes the client's row.
            if (!admission.isClosing()) {
                release(client, lastHeard);
            }
            if (!presence.online(client)) {
                relay.agentDisconnected(client);
            }
        }
        LOG.fine(() -> "agent " + client + " disconnected: " + reason);
    }

    /** Gives back this connection's admission slot, once. */
    private synchronized void settleAdmission(boolean welcomed) {
        if (awaitingWelcome) {
            awaitingWelcome = false;
            admission.settled(welcomed);
        }
    }

    /** Takes the client offline unless a newer connection replaced this one, and tells consoles. */
    private void release(UUID client, Instant lastHeard) {
        try {
            directory.disconnected(client, connectionId, lastHeard);
        } catch (RuntimeException e) {
            // The housekeeping of some node releases the connections no running node answers for.
            LOG.log(Level.FINE, "presence of " + client + " not released at its close", e);
        }
        if (lastHeard != null) {
            presence.announce(client);
        }
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        if (failure instanceof IOException) {
            LOG.log(Level.FINE, "agent connection " + clientId + " broke", failure);
            return;
        }
        LOG.log(Level.SEVERE, "agent connection " + clientId + " failed", failure);
        close(session, CloseCodes.UNEXPECTED_CONDITION, "internal error");
    }

    private void close(Session session, CloseCodes code, String reason) {
        close(session, code.getCode(), reason);
    }

    private void close(Session session, int code, String reason) {
        LOG.fine(() -> "closing agent connection " + clientId + " with " + code + ": " + reason);
        Sockets.close(session, code, reason);
    }
}
