package org.jumpdesk.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.jumpdesk.sessions.boundary.SessionDetail;
import org.jumpdesk.sessions.boundary.SessionReports;
import org.jumpdesk.shared.JumpDeskStatus;

/** {@code admin/session.xhtml?id=}: one support session with its audit rows and a link to its recording. */
@Named
@RequestScoped
public class SessionReportDetail {

    @EJB
    private SessionReports sessionReports;

    @Inject
    private AdminActions actions;

    private String id;
    private SessionDetail detail;

    /** Loads the session of the {@code id} parameter; one that cannot be shown leaves the catalogue's message. */
    @PostConstruct
    void load() {
        id = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("id");
        actions.run(() -> detail = sessionReports.detail(actions.actor(), sessionId()), null);
    }

    public SessionDetail getDetail() {
        return detail;
    }

    private UUID sessionId() {
        try {
            return UUID.fromString(id == null ? "" : id.trim());
        } catch (IllegalArgumentException e) {
            throw JumpDeskStatus.JC_NOT_FOUND.exception("'" + id + "' is not a session id");
        }
    }
}
