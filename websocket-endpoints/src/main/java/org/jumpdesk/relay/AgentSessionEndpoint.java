package org.jumpdesk.relay;

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
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.agents.Sockets;
import org.jumpdesk.protocol.SessionAttach;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.JumpDeskException;

/**
 * The connection an agent dials for one session ({@code /agent-session}). Its first message is
 * {@code session-attach} with the one-time token the site gave over the agent's authenticated connection;
 * after that, binary frames are terminal output and the site sends input, {@code terminal-resize} and
 * {@code terminal-ack}.
 */
@ServerEndpoint("/agent-session")
public class AgentSessionEndpoint {

    private static final Logger LOG = Logger.getLogger(AgentSessionEndpoint.class.getName());

    @EJB
    private SupportSessions supportSessions;

    @Inject
    private SessionRelay relay;

    private RelayedSession relayed;

    @OnMessage(maxMessageSize = 64 * 1024)
    public void onAttach(String text, Session agent) {
        if (relayed != null) {
            Sockets.close(agent, CloseCodes.VIOLATED_POLICY, "already attached");
            return;
        }
        SessionAttach attach = FirstMessage.expect(text, agent, SessionAttach.class, "session-attach")
                .orElse(null);
        if (attach == null) {
            return;
        }
        try {
            supportSessions.attach(attach.sessionId(), attach.token());
        } catch (JumpDeskException refusal) {
            Sockets.close(agent, refusal.status().closeCode(), refusal.status().name());
            return;
        }
        relayed = relay.agentAttached(attach.sessionId(), agent).orElse(null);
        if (relayed == null) {
            Sockets.close(agent, CloseCodes.GOING_AWAY.getCode(), "the representative left");
            return;
        }
        ConsoleTerminalEndpoint.started(relayed.browser, relayed.id());
    }

    @OnMessage(maxMessageSize = 256 * 1024)
    public void onOutput(ByteBuffer output, Session agent) {
        if (relayed == null) {
            Sockets.close(agent, CloseCodes.VIOLATED_POLICY, "'session-attach' must be the first message");
            return;
        }
        relayed.fromAgent(output);
        relay.recorded(relayed);
    }

    @OnClose
    public void onClose(Session agent, CloseReason reason) {
        if (relayed != null) {
            relay.agentLeft(relayed, reason);
        }
    }

    @OnError
    public void onError(Session agent, Throwable failure) {
        LOG.log(failure instanceof IOException ? Level.FINE : Level.WARNING, "agent session failed", failure);
    }
}
