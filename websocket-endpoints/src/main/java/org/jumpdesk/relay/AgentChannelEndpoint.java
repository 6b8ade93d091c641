package org.jumpdesk.relay;

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
import org.jumpdesk.protocol.ChannelAttach;

/**
 * The connection an agent dials for one file or system information request ({@code /agent-channel}). Its
 * first message is {@code channel-attach} with the one-time token the site sent over the session's
 * connection; after that, text and binary frames belong to the request (see {@link SessionChannels}).
 */
@ServerEndpoint("/agent-channel")
public class AgentChannelEndpoint {

    private static final Logger LOG = Logger.getLogger(AgentChannelEndpoint.class.getName());

    @Inject
    private SessionChannels channels;

    private ChannelConnection channel;

    /** Directory listings and process lists are the largest texts. */
    @OnMessage(maxMessageSize = 4 * 1024 * 1024)
    public void onText(String text, Session agent) {
        if (channel != null) {
            channel.received(text);
            return;
        }
        ChannelAttach attach = FirstMessage.expect(text, agent, ChannelAttach.class, "channel-attach")
                .orElse(null);
        if (attach == null) {
            return;
        }
        channel = channels.attach(attach.channelId(), attach.token(), agent).orElse(null);
        if (channel == null) {
            Sockets.close(agent, CloseCodes.VIOLATED_POLICY, "no channel for that token");
        }
    }

    @OnMessage(maxMessageSize = 256 * 1024)
    public void onChunk(ByteBuffer chunk, Session agent) {
        if (channel == null) {
            Sockets.close(agent, CloseCodes.VIOLATED_POLICY, "'channel-attach' must be the first message");
            return;
        }
        channel.received(chunk);
    }

    @OnClose
    public void onClose(Session agent, CloseReason reason) {
        if (channel != null) {
            channel.closedByAgent();
        }
    }

    @OnError
    public void onError(Session agent, Throwable failure) {
        LOG.log(failure instanceof IOException ? Level.FINE : Level.WARNING, "agent channel failed", failure);
    }
}
