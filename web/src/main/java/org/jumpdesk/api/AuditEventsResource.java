package org.jumpdesk.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jumpdesk.audit.boundary.AuditLog;
import org.jumpdesk.audit.boundary.AuditPage;
import org.jumpdesk.audit.boundary.AuditQuery;

/** The audit trail (administrators only). */
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditEventsResource {

    @EJB
    private AuditLog auditLog;

    @Inject
    private ApiRequest request;

    @GET
    @Operation(
            summary = "List audit events, newest first",
            description = "Filters by time (ISO-8601 instants, from inclusive, to exclusive), actor, target,"
                    + " action and outcome. Pass a page's `next` as `before` for the following page.")
    public AuditPage list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("target") String target,
            @QueryParam("action") String action,
            @QueryParam("outcome") String outcome,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return auditLog.search(
                request.actor(),
                new AuditQuery(
                        Params.instant("from", from),
                        Params.instant("to", to),
                        actor,
                        target,
                        action,
                        outcome,
                        before,
                        limit));
    }
}
