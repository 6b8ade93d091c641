package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.jumpclients.boundary.JumpClientChanged;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * Tells connected agents about changes made elsewhere, once those changes have committed: a client
 * deleted in the console (or past its offline limit) is disconnected with {@code JC_NOT_FOUND}, on which
 * the agent removes itself.
 */
@ApplicationScoped
public class AgentNotifications {

    private static final Logger LOG = Logger.getLogger(AgentNotifications.class.getName());
    private static final Set<String> REMOVALS = Set.of("jump-client.delete", "jump-client.offline-limit-reached");

    @Inject
    private AgentPresence presence;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) JumpClientChanged change) {
        if (!REMOVALS.contains(change.change())) {
            return;
        }
        presence.session(change.clientId()).ifPresent(session -> {
            try {
                session.close(new CloseReason(
                        CloseReason.CloseCodes.getCloseCode(JumpDeskStatus.JC_NOT_FOUND.closeCode()),
                        "JC_NOT_FOUND: removed from the site"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "agent connection already gone", e);
            }
        });
    }
}
