package org.jumpdesk.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jumpdesk.sessions.boundary.SessionDetail;
import org.jumpdesk.sessions.boundary.SessionReportPage;
import org.jumpdesk.sessions.boundary.SessionReportQuery;
import org.jumpdesk.sessions.boundary.SessionReports;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * Support session reports. Administrators read every session; other users the sessions they ran and those
 * on clients of groups they manage. Any other session answers {@code JC_NOT_FOUND}, like one that does not
 * exist.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support sessions")
public class SessionsResource {

    @EJB
    private SessionReports sessionReports;

    @Inject
    private ApiRequest request;

    @GET
    @Operation(
            summary = "List support sessions, newest first",
            description = "Filters by time requested (ISO-8601 instants, from inclusive, to exclusive),"
                    + " representative, client (id, or part of its name or hostname) and outcome; paged by"
                    + " offset and limit, with the total.")
    public SessionReportPage list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("representative") String representative,
            @QueryParam("client") String client,
            @QueryParam("outcome") String outcome,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return sessionReports.search(
                request.actor(),
                new SessionReportQuery(
                        Params.instant("from", from),
                        Params.instant("to", to),
                        representative,
                        client,
                        outcome,
                        offset,
                        limit));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One support session",
            description = "Who, which client, when, how long, the outcome, the bytes moved, its audit rows and"
                    + " the console page that replays its recording.")
    public SessionDetail get(@PathParam("id") String id) {
        return sessionReports.detail(request.actor(), Params.id(id, JumpDeskStatus.JC_NOT_FOUND));
    }
}
