package org.jumpdesk.jumpclients.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientState;

/**
 * Use cases on Jump Clients. Each public method is one JTA transaction; the audit rows it writes commit or
 * roll back with it.
 */
@Stateless
public class JumpClients {

    /** The actor recorded in the audit trail for what an agent does by itself. */
    static final String AGENT_ACTOR = "agent";

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * An agent has connected and described itself. A client the site has never seen is registered
     * ({@code PINNED}) and, as this is its first connection in active mode, becomes {@code ACTIVE}; a known
     * client has its description refreshed. State changes are audited in this transaction.
     *
     * @return the client as recorded
     */
    public JumpClientSummary agentConnected(UUID clientId, AgentDescription description) {
        Instant now = clock.instant();
        JumpClient client = entityManager.find(JumpClient.class, clientId);
        if (client == null) {
            client = JumpClient.pinned(clientId, description, now);
            entityManager.persist(client);
            auditTrail.record(AGENT_ACTOR, "jump-client.registered", clientId.toString(), description.hostname());
        } else {
            client.describe(description, now);
        }
        if (client.state() == JumpClientState.PINNED) {
            client.moveTo(JumpClientState.ACTIVE, now);
            auditTrail.record(AGENT_ACTOR, "jump-client.state-changed", clientId.toString(), "PINNED -> ACTIVE");
        }
        return JumpClientSummary.of(client);
    }

    /** Jump Clients, most recently contacted first. */
    public List<JumpClientSummary> list(int first, int max) {
        return entityManager
                .createQuery("SELECT c FROM JumpClient c ORDER BY c.lastContactAt DESC, c.id", JumpClient.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultStream()
                .map(JumpClientSummary::of)
                .toList();
    }

    /** How many Jump Clients the site records. */
    public long count() {
        return entityManager
                .createQuery("SELECT COUNT(c) FROM JumpClient c", Long.class)
                .getSingleResult();
    }
}
