package org.jumpdesk.licensing.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.licensing.entity.SiteLicense;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;

/** Reading and changing the site license. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class Licensing {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private AuditTrail auditTrail;

    public LicenseUsage usage() {
        SiteLicense license = entityManager.find(SiteLicense.class, SiteLicense.ID);
        return new LicenseUsage(
                license.packs(),
                license.deployedLimit(),
                license.deployedCount(),
                license.activeLimit(),
                license.activeCount());
    }

    /**
     * Administrators set the license. Lowering a limit below the current usage keeps the clients there but
     * refuses new ones until usage falls below it.
     */
    @AuditedAs("license.change")
    public LicenseUsage change(Actor actor, @PositiveOrZero @Max(40_000) int packs, @PositiveOrZero int activeLimit) {
        permissions.requireAdministrator(actor);
        SiteLicense license = entityManager.find(SiteLicense.class, SiteLicense.ID, LockModeType.PESSIMISTIC_WRITE);
        license.change(packs, activeLimit);
        auditTrail.record(actor.name(), "license.change", null, packs + " packs, active limit " + activeLimit);
        entityManager.flush();
        return usage();
    }
}
