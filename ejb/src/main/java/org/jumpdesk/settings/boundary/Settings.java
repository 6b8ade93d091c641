package org.jumpdesk.settings.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.settings.entity.ClientSettings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;

/** Reading and changing the client settings. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class Settings {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private AuditTrail auditTrail;

    public ClientSettingsValues current() {
        return entityManager.find(ClientSettings.class, ClientSettings.ID).values();
    }

    /** Administrators change the settings. */
    @AuditedAs("settings.change")
    public ClientSettingsValues change(Actor actor, @NotNull @Valid ClientSettingsValues values) {
        permissions.requireAdministrator(actor);
        entityManager.find(ClientSettings.class, ClientSettings.ID).change(values);
        auditTrail.record(actor.name(), "settings.change", null, values.toString());
        return values;
    }
}
