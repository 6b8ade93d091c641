package org.jumpdesk.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import org.jumpdesk.agents.AgentPresenceChanged;
import org.jumpdesk.jumpclients.boundary.JumpClientChanged;

/**
 * Tells the open Jump interfaces that Jump Clients changed, so they reload their table without the user
 * asking: after a use case committed, and when an agent connects to or leaves this node. The message
 * carries nothing; each console re-reads what its own user may see.
 *
 * <p>Per node for now: a change committed or an agent connected on another node reaches that node's
 * consoles only. The cluster work fans this one class out to every node.
 */
@ApplicationScoped
public class ConsolePush {

    static final String CHANNEL = "jumpClients";

    @Inject
    @Push(channel = CHANNEL)
    private PushContext consoles;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JumpClientChanged change) {
        consoles.send("changed");
    }

    void presenceChanged(@Observes AgentPresenceChanged change) {
        consoles.send("changed");
    }
}
