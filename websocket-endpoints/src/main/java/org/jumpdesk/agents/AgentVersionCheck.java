package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jumpdesk.protocol.MessageCodec;

/**
 * The version check a refused jump starts ({@code VERSION_MISMATCH}): the client's agent, when connected
 * here, is offered the release at once rather than at its next statistics report, so the representative's
 * next try finds it updated.
 */
@ApplicationScoped
public class AgentVersionCheck {

    /** The agent's version as it said hello, kept with its connection. */
    static final String AGENT_VERSION = "jumpdesk.agent-version";

    private static final MessageCodec CODEC = new MessageCodec();

    @Inject
    private AgentPresence presence;

    @Inject
    private AgentDirectory directory;

    /** Offers the release to the client's agent if it is connected to this node and an upgrade slot is free. */
    public void check(UUID clientId) {
        presence.session(clientId).ifPresent(session -> {
            Object version = session.getUserProperties().get(AGENT_VERSION);
            if (version != null) {
                directory.updateFor(clientId, version.toString()).ifPresent(update -> session.getAsyncRemote()
                        .sendText(CODEC.encode(update)));
            }
        });
    }
}
