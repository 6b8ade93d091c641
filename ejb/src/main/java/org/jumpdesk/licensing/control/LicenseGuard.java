package org.jumpdesk.licensing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * Keeps the license's usage counters in step with the Jump Clients, refusing what would exceed a limit.
 *
 * <p>Each change is one guarded {@code UPDATE} of the license row: PostgreSQL locks the row until the
 * caller's transaction ends and re-checks the guard against the latest committed counts, so of N
 * concurrent requests for one free slot exactly one succeeds. {@link TransactionAttributeType#MANDATORY}:
 * the count moves with the change it accounts for, or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LicenseGuard {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Accounts for a client moving between "counted as deployed" and "counted as active".
     *
     * @param activeRefusal the code to refuse with when the active limit is reached (it differs between a
     *     first connection and a switch from passive)
     * @throws org.jumpdesk.shared.JumpDeskException {@code JC_LIMIT_DEPLOYED} or {@code activeRefusal}
     */
    public void account(Usage before, Usage after, JumpDeskStatus activeRefusal) {
        int deployedDelta = after.deployedCount() - before.deployedCount();
        int activeDelta = after.activeCount() - before.activeCount();
        if (deployedDelta > 0
                && !update("deployed_count = deployed_count + 1 WHERE id = 1 AND deployed_count < packs * 25")) {
            throw JumpDeskStatus.JC_LIMIT_DEPLOYED.exception("all deployed Jump Client slots are in use");
        }
        if (activeDelta > 0
                && !update("active_count = active_count + 1 WHERE id = 1 AND active_count < active_limit")) {
            throw activeRefusal.exception("all active Jump Client slots are in use");
        }
        if (deployedDelta < 0) {
            update("deployed_count = deployed_count - 1 WHERE id = 1");
        }
        if (activeDelta < 0) {
            update("active_count = active_count - 1 WHERE id = 1");
        }
    }

    /** Refuses with {@code JC_LIMIT_DEPLOYED} when no deployed slot is free, without taking one. */
    public void requireFreeDeployedSlot() {
        Number full = (Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM site_license WHERE id = 1 AND deployed_count >= packs * 25")
                .getSingleResult();
        if (full.intValue() > 0) {
            throw JumpDeskStatus.JC_LIMIT_DEPLOYED.exception("all deployed Jump Client slots are in use");
        }
    }

    /** Refuses with {@code JC_LIMIT_ACTIVE} when no active slot is free, without taking one. */
    public void requireFreeActiveSlot() {
        Number full = (Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM site_license WHERE id = 1 AND active_count >= active_limit")
                .getSingleResult();
        if (full.intValue() > 0) {
            throw JumpDeskStatus.JC_LIMIT_ACTIVE.exception("all active Jump Client slots are in use");
        }
    }

    private boolean update(String assignmentAndGuard) {
        return entityManager
                        .createNativeQuery("UPDATE site_license SET " + assignmentAndGuard)
                        .executeUpdate()
                == 1;
    }

    /** Whether a client in some state counts against the deployed and the active limit. */
    public record Usage(boolean deployed, boolean active) {

        public static final Usage NONE = new Usage(false, false);

        int deployedCount() {
            return deployed ? 1 : 0;
        }

        int activeCount() {
            return active ? 1 : 0;
        }
    }
}
