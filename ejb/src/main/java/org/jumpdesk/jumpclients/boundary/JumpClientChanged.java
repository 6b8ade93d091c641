package org.jumpdesk.jumpclients.boundary;

import java.util.UUID;

/**
 * Fired by the Jump Client use cases. Observers that act outside the database (consoles, agents) use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so they never see a change that rolled back.
 *
 * @param change the audit action of the use case, e.g. {@code jump-client.delete}
 */
public record JumpClientChanged(UUID clientId, String change) {}
