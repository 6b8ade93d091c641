package org.jumpdesk.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jumpdesk.jumpclients.boundary.JumpClientFilter;
import org.jumpdesk.jumpclients.boundary.JumpClientPage;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClientSearch;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * Jump Clients the token's owner can see. A client in a group they cannot see answers {@code JC_NOT_FOUND},
 * exactly like one that does not exist.
 */
@Path("jump-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jump Clients")
public class JumpClientsResource {

    /** The new mode of a client. */
    public record ModeChange(JumpClientMode mode) {}

    /**
     * A jump the site accepted.
     *
     * @param consoleUrl the console page that opens the session, for the token's owner
     */
    public record JumpStarted(UUID sessionId, String consoleUrl) {}

    /** The console page that opens a waiting session, relative to the API's base ({@code /api/v1/}). */
    private static final String CONSOLE_SESSION = "../../console/session.xhtml?session=";

    @EJB
    private SupportSessions supportSessions;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private JumpClientSearch search;

    @Inject
    private ApiRequest request;

    @GET
    @Operation(summary = "List and search Jump Clients", description = "Most recently contacted first, paged.")
    public JumpClientPage list(
            @QueryParam("search") String text,
            @QueryParam("jumpGroup") String jumpGroup,
            @QueryParam("tag") String tag,
            @QueryParam("state") String state,
            @QueryParam("mode") String mode,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return search.search(
                request.actor(),
                new JumpClientFilter(
                        text,
                        jumpGroup,
                        tag,
                        Params.enumValue(JumpClientState.class, "state", state),
                        Params.enumValue(JumpClientMode.class, "mode", mode)),
                offset,
                limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One Jump Client with its statistics")
    public JumpClientSummary get(@PathParam("id") String id) {
        return jumpClients.details(request.actor(), clientId(id));
    }

    @PUT
    @Path("{id}")
    @Operation(
            summary = "Change a Jump Client's Jump Group, tag, comments and mode",
            description = "Needs MANAGE in the client's group and in the group it moves to.")
    public JumpClientSummary update(@PathParam("id") String id, JumpClientProperties properties) {
        return jumpClients.changeProperties(request.actor(), clientId(id), properties);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a Jump Client",
            description = "Removed from the console; the row stays for the audit trail and the agent uninstalls"
                    + " itself at its next contact.")
    public void delete(@PathParam("id") String id) {
        jumpClients.delete(request.actor(), clientId(id));
    }

    @PUT
    @Path("{id}/mode")
    @Operation(summary = "Switch a Jump Client between active and passive")
    public JumpClientSummary switchMode(@PathParam("id") String id, ModeChange change) {
        return jumpClients.switchMode(request.actor(), clientId(id), change == null ? null : change.mode());
    }

    @POST
    @Path("{id}/jump")
    @Operation(
            summary = "Start a jump",
            description = "Checks that the token's owner may jump to the client, records the jump and creates a"
                    + " support session waiting for them: `consoleUrl` opens it in the console (signed in as the"
                    + " token's owner, within 10 minutes), which is when the agent is asked to attach.")
    public Response jump(@PathParam("id") String id, @Context UriInfo uri) {
        UUID sessionId = supportSessions.requestForConsole(request.actor(), clientId(id));
        return Response.created(uri.getBaseUriBuilder()
                        .path(SessionsResource.class)
                        .path(sessionId.toString())
                        .build())
                .entity(new JumpStarted(
                        sessionId,
                        uri.getBaseUri().resolve(CONSOLE_SESSION + sessionId).toString()))
                .build();
    }

    private static UUID clientId(String id) {
        return Params.id(id, JumpDeskStatus.JC_NOT_FOUND);
    }
}
